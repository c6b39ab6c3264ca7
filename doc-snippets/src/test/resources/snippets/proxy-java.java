// docs/proxy.md, "From Java": statements.
import java.net.URI;
import java.nio.file.Path;

import dev.replayharness.core.Harness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.proxy.ReplayProxy;
import dev.replayharness.proxy.TestSummary;

class ProxyFromJava {
    void run() throws Exception {
        /* SNIPPET */
    }
}
