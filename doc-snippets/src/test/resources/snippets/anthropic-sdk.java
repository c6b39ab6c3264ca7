// docs/anthropic-sdk.md: statements; session is the test's.
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;

import dev.replayharness.anthropicsdk.HarnessAnthropic;
import dev.replayharness.core.HarnessSession;

class AnthropicSdk {
    void run(HarnessSession session) {
        /* SNIPPET */
    }
}
