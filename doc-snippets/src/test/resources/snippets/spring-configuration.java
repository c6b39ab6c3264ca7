// docs/spring.md: a nested @Configuration class, as a member of the test class.
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.spring.HarnessRestClient;
import dev.replayharness.spring.HarnessWebClient;

class SpringTest {
    /* SNIPPET */
}
