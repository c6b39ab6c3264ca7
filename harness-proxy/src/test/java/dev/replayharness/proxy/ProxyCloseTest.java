package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;

@DisplayName("Stopping the proxy")
class ProxyCloseTest {
    @TempDir
    Path recordings;

    @TempDir
    Path elsewhere;

    private final TestUpstream upstream = new TestUpstream();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    @DisplayName("when neither the recordings nor the run report can be written, the error names the recordings"
            + " (the report's failure is attached, not in their place)")
    void recordingsFailureIsNotHiddenByTheReportsFailure() throws Exception {
        Path notAFolder = Files.writeString(elsewhere.resolve("not-a-folder"), "a file");
        ReplayProxy proxy = ReplayProxy.builder(harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                .runReport(notAFolder.resolve("harness-report.json"))
                .build()
                .start();
        assertThat(send(chat(proxy.baseUri(), "com.example.CloseTest#both", "hello", false)
                                .build())
                        .statusCode())
                .isEqualTo(200);
        // The namespace folder becomes a file: the session cannot write its recording when the proxy stops.
        Path namespace = recordings.resolve(Fixtures.NAMESPACE);
        if (Files.isDirectory(namespace)) {
            try (var files = Files.walk(namespace)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.writeString(namespace, "a file");

        Throwable failure = catchThrowable(proxy::close);

        assertThat(failure).isInstanceOf(RuntimeException.class);
        assertThat(failure.getMessage()).doesNotContain("Cannot write the run report");
        assertThat(failure.getSuppressed())
                .singleElement()
                .satisfies(report -> assertThat(report.getMessage())
                        .contains("Cannot write the run report " + notAFolder.resolve("harness-report.json")));
    }
}
