package dev.replayharness.okhttp;

import java.nio.file.Path;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;

/** Harness sessions over a temporary recordings folder, for tests that run the engine without JUnit's extension. */
final class Sessions {
    static final String NAMESPACE = "okhttp-test";
    static final String TEST_ID = "HarnessInterceptorTest#exchange";

    private Sessions() {}

    static HarnessSession open(Path recordings, Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace(NAMESPACE)
                .mode(mode)
                .build()
                .session(TEST_ID);
    }
}
