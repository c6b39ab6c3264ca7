package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Upstream;

@DisplayName("Configuration parameters")
class ConfigurationTest {
    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    void assertEveryTestFailsWith(EngineExecutionResults results, String message) {
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(results.testEvents().failed().stream().map(FixtureRun::throwable))
                .allSatisfy(t -> assertThat(t)
                        .isInstanceOf(HarnessConfigurationException.class)
                        .hasMessage(message));
        assertThat(upstream.requestCount()).isZero();
    }

    @Nested
    @DisplayName("with an invalid value fail every test with a message naming key, value and allowed values")
    class Invalid {
        @Test
        @DisplayName("harness.mode")
        void mode() {
            assertEveryTestFailsWith(
                    FixtureRun.of(workspace, TwoTestsFixture.class)
                            .mode("sometimes")
                            .execute(),
                    "Invalid harness mode 'sometimes' from configuration parameter harness.mode. Allowed values: live, "
                            + "record, replay, record-if-missing. Fix the value or remove it to use the default (replay).");
        }

        @Test
        @DisplayName("a boolean key")
        void bool() {
            assertEveryTestFailsWith(
                    FixtureRun.of(workspace, TwoTestsFixture.class)
                            .parameter(HarnessConfiguration.SAVE_ON_FAILURE, "yes please")
                            .execute(),
                    "Invalid value 'yes please' for configuration parameter harness.save-on-failure. Allowed values: "
                            + "true, false. Fix the value or remove it to use the default (false).");
        }

        @Test
        @DisplayName("harness.recordings-dir that does not exist, in a mode that records")
        void missingRecordingsDirectory() {
            Path missing = workspace.resolve("no-such-dir").toAbsolutePath();
            assertEveryTestFailsWith(
                    FixtureRun.of(workspace, TwoTestsFixture.class)
                            .mode("record")
                            .parameter(HarnessConfiguration.RECORDINGS_DIR, missing.toString())
                            .execute(),
                    "Recordings directory " + missing + " does not exist, so mode record cannot write recordings. "
                            + "Create it (mkdir -p " + missing
                            + ") or point harness.recordings-dir at the right folder.");
        }
    }

    @Nested
    @DisplayName("harness.secret-env-vars")
    class Secrets {
        @Test
        @DisplayName("redacts the values of the named environment variables from recordings")
        void redacts() throws Exception {
            String secret = System.getenv("PATH");
            assumeTrue(secret != null && secret.length() >= 8 && !secret.contains("\""), "needs a PATH variable");
            SecretFixture.value = secret;

            FixtureRun.of(workspace, SecretFixture.class)
                    .mode("record")
                    .parameter(HarnessConfiguration.SECRET_ENV_VARS, "NO_SUCH_VARIABLE_HERE, PATH")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));

            Path recordings = FixtureRun.recordings(workspace);
            assertThat(FixtureRun.files(recordings))
                    .singleElement()
                    .satisfies(f ->
                            assertThat(Files.readString(recordings.resolve(f))).doesNotContain(secret));
        }
    }

    @Nested
    @DisplayName("harness.source")
    class Source {
        @Test
        @DisplayName("labels new recordings")
        void labels() throws Exception {
            FixtureRun.of(workspace, TwoTestsFixture.class)
                    .mode("record")
                    .parameter(HarnessConfiguration.SOURCE, "staging")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(2));

            Path recordings = FixtureRun.recordings(workspace);
            assertThat(FixtureRun.files(recordings))
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(
                                    RecordingsFolder.read(recordings.resolve(f)).source())
                            .isEqualTo("staging"));
        }
    }

    @Fixture
    @Recorded
    static class TwoTestsFixture {
        @Test
        void first(HttpClient http) throws Exception {
            Calls.ask(http, "first");
        }

        @Test
        void second(HttpClient http) throws Exception {
            Calls.ask(http, "second");
        }
    }

    @Fixture
    @Recorded
    static class SecretFixture {
        static volatile String value;

        @Test
        void sendsSecret(HttpClient http) throws Exception {
            Calls.ask(http, "my path is " + value);
        }
    }
}
