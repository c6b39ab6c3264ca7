// docs/spring.md: a test class; the imports it needs.
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Recorded;
import dev.replayharness.spring.HarnessRestClient;
import dev.replayharness.spring.HarnessWebClient;

/* SNIPPET */
