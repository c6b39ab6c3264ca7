// docs/okhttp.md: one statement; session is the test's.
import okhttp3.OkHttpClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.okhttp.HarnessOkHttp;

class OkHttpWire {
    void run(HarnessSession session) {
        /* SNIPPET */
    }
}
