// docs/okhttp.md: a test class. key, json and OkHttpRecordedTest.Normalization are the reader's (the repository's
// OkHttpRecordedTest has such a customizer), so they are declared around it.
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.Harness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.junit.HarnessCustomizer;
import dev.replayharness.junit.Recorded;

class OkHttpGuide {
    static final String key = System.getenv().getOrDefault("AWS_BEARER_TOKEN_BEDROCK", "replay-mode-dummy-key");
    static final String json = "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    static final class OkHttpRecordedTest {
        public static final class Normalization implements HarnessCustomizer {
            @Override
            public void customize(Harness.Builder harness) {
                harness.responseNormalizer(ResponseNormalizer.openAiCompatible());
            }
        }
    }

    /* SNIPPET */
}
