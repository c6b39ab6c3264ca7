package dev.replayharness.server;

import java.nio.file.Path;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockResponseNormalizer;
import dev.replayharness.bedrock.InferenceProvider;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RepeatPolicy;

/** The harness policy of the stack server (see {@link StackServer#harnessBuilder}); the server itself only serves. */
final class StackHarness {
    private StackHarness() {}

    static Harness.Builder builder(StackConfig stack, Path recordingsDirectory) {
        Harness.Builder harness = Harness.builder()
                .recordingsDirectory(recordingsDirectory)
                .namespace(StackServer.NAMESPACE)
                .scope(RecordingScope.SHARED)
                .repeatPolicy(RepeatPolicy.REUSE_LAST)
                .responseNormalizer(BedrockResponseNormalizer.create())
                .recordCommand(testId -> "restart the server with a live provider (AWS_BEARER_TOKEN_BEDROCK set) and"
                        + " --mode " + Mode.RECORD_IF_MISSING.value() + " (or HARNESS_MODE): ./harness serve "
                        + stack.source() + " --recordings " + recordingsDirectory + " --mode "
                        + Mode.RECORD_IF_MISSING.value() + ". If it is recorded in another folder, restart with"
                        + " --recordings <the folder holding " + StackServer.NAMESPACE + "/> instead.");
        for (InferenceProvider provider : stack.inferenceProviders()) {
            BedrockApiKey key = provider.config().apiKey();
            if (!key.isReplayDummy()) {
                harness.secret(key.reveal());
            }
        }
        return harness;
    }
}
