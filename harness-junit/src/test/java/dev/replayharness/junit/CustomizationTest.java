package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Upstream;

@DisplayName("Customizing the harness")
class CustomizationTest {
    static final String SECRET = "sk-do-not-record-1234";

    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    String onlyRecording() throws Exception {
        Path recordings = FixtureRun.recordings(workspace);
        assertThat(FixtureRun.files(recordings)).hasSize(1);
        return FixtureRun.files(recordings).get(0);
    }

    @Nested
    @DisplayName("with @Recorded(normalization = …)")
    class Annotation {
        @Test
        @DisplayName("applies the customizer to the test's harness")
        void applies() throws Exception {
            FixtureRun.of(workspace, SecretFixture.class)
                    .mode("record")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            String file = onlyRecording();
            assertThat(Files.readString(FixtureRun.recordings(workspace).resolve(file)))
                    .doesNotContain(SECRET);
        }

        @Test
        @DisplayName("fails with a message naming a customizer that cannot be created")
        void uncreatable() {
            EngineExecutionResults results =
                    FixtureRun.of(workspace, BadCustomizerFixture.class).execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(FixtureRun.throwable(results.testEvents().failed().list().get(0)))
                    .isInstanceOf(HarnessConfigurationException.class)
                    .hasMessageStartingWith("Cannot create " + NoDefaultConstructor.class.getName())
                    .hasMessageEndingWith(
                            "Give it a no-argument constructor and make it a top-level or static nested class.");
        }
    }

    @Nested
    @DisplayName("with @RegisterExtension")
    class Registered {
        @Test
        @DisplayName("uses the builder's namespace, mode and customizer")
        void builder() throws Exception {
            FixtureRun.of(workspace, RegisteredFixture.class)
                    .mode("replay")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            String file = onlyRecording();
            assertThat(file).startsWith("registered/");
            assertThat(RecordingsFolder.read(FixtureRun.recordings(workspace).resolve(file))
                            .source())
                    .isEqualTo("builder");
        }

        @Test
        @DisplayName("is overridden by @Recorded on the test method")
        void methodAnnotationWins() throws Exception {
            FixtureRun.of(workspace, RegisteredWithMethodAnnotationFixture.class)
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            assertThat(onlyRecording()).startsWith("from-method/");
        }

        @Test
        @DisplayName("together with @Recorded on the class fails, naming both")
        void twice() {
            EngineExecutionResults results =
                    FixtureRun.of(workspace, RegisteredTwiceFixture.class).execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(FixtureRun.throwable(results.testEvents().failed().list().get(0)))
                    .hasMessage("RecordReplayExtension is registered twice for [engine:junit-jupiter]/[class:"
                            + RegisteredTwiceFixture.class.getName() + "]/[method:asks()] (for instance through "
                            + "@Recorded and @RegisterExtension). Keep one.");
        }
    }

    public static final class SecretNormalization implements HarnessCustomizer {
        @Override
        public void customize(Harness.Builder harness) {
            harness.secret(SECRET);
        }
    }

    public static final class NoDefaultConstructor implements HarnessCustomizer {
        public NoDefaultConstructor(String unused) {}

        @Override
        public void customize(Harness.Builder harness) {}
    }

    @Fixture
    @Recorded(normalization = SecretNormalization.class)
    static class SecretFixture {
        @Test
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "my key is " + SECRET);
        }
    }

    @Fixture
    @Recorded(normalization = NoDefaultConstructor.class)
    static class BadCustomizerFixture {
        @Test
        void asks() {}
    }

    @Fixture
    static class RegisteredFixture {
        @RegisterExtension
        static RecordReplayExtension harness = RecordReplayExtension.builder()
                .namespace("registered")
                .mode(Mode.RECORD)
                .customizer(h -> h.source("builder"))
                .build();

        @Test
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }

    @Fixture
    static class RegisteredWithMethodAnnotationFixture {
        @RegisterExtension
        static RecordReplayExtension harness =
                RecordReplayExtension.builder().namespace("registered").build();

        @Test
        @Recorded(namespace = "from-method", mode = ModeOverride.RECORD)
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }

    @Fixture
    @Recorded
    static class RegisteredTwiceFixture {
        @RegisterExtension
        static RecordReplayExtension harness = RecordReplayExtension.builder().build();

        @Test
        void asks() {}
    }
}
