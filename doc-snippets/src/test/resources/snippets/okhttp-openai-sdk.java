// docs/okhttp.md: the OpenAI SDK's OkHttp client; url, key and session are the reader's.
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.okhttp.HarnessOkHttp;

class OkHttpOpenAiSdk {
    void run(HarnessSession session, String url, String key) {
        /* SNIPPET */
    }
}
