// README.md, "AWS SDK for Java v2": statements; session is the test's.
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import dev.replayharness.awssdk.HarnessAws;
import dev.replayharness.core.HarnessSession;

class AwsSdk {
    void run(HarnessSession session) {
        /* SNIPPET */
    }
}
