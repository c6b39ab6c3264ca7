package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Upstream;

@DisplayName("A @Recorded test, by mode")
class ModesTest {
    static final String TEST_ID = "dev.replayharness.junit.ModesTest$AskingFixture#asks";

    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    @BeforeEach
    void reset() {
        Calls.ANSWERS.clear();
        AskingFixture.question = "Hi";
    }

    EngineExecutionResults run(String mode, Class<?> fixture) {
        return FixtureRun.of(workspace, fixture).mode(mode).execute();
    }

    List<String> recordings() {
        return FixtureRun.files(FixtureRun.recordings(workspace));
    }

    @Nested
    @DisplayName("in mode record")
    class Record {
        @Test
        @DisplayName("calls upstream and writes one recording, which mode replay then answers without upstream")
        void recordThenReplay() {
            run("record", AskingFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(upstream.requestCount()).isEqualTo(1);
            assertThat(recordings())
                    .singleElement()
                    .asString()
                    .startsWith("default/")
                    .endsWith(".json");
            assertThat(Calls.ANSWERS).containsEntry(TEST_ID, "{\"answer\":\"reply #1\"}");

            Calls.ANSWERS.clear();
            run("replay", AskingFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(upstream.requestCount())
                    .as("replay does not call upstream")
                    .isEqualTo(1);
            assertThat(Calls.ANSWERS).containsEntry(TEST_ID, "{\"answer\":\"reply #1\"}");
        }

        @Test
        @DisplayName("overwrites the recording on every run")
        void overwrites() {
            run("record", AskingFixture.class);
            run("record", AskingFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
            assertThat(upstream.requestCount()).isEqualTo(2);
            assertThat(recordings()).hasSize(1);
            Calls.ANSWERS.clear();
            run("replay", AskingFixture.class);
            assertThat(Calls.ANSWERS).containsEntry(TEST_ID, "{\"answer\":\"reply #2\"}");
        }
    }

    @Nested
    @DisplayName("in mode replay")
    class Replay {
        @Test
        @DisplayName(
                "fails a request without recording with the request, the nearest recording's diff and the record command")
        void miss() {
            run("record", AskingFixture.class);
            AskingFixture.question = "Hello";

            EngineExecutionResults results = run("replay", AskingFixture.class);

            results.testEvents().assertStatistics(s -> s.started(1).failed(1));
            Throwable failure =
                    FixtureRun.throwable(results.testEvents().failed().list().get(0));
            assertThat(failure).isInstanceOf(ReplayMissError.class);
            assertThat(failure.getMessage().lines())
                    .first()
                    .isEqualTo("Replay Harness: no recording for this request (mode replay, namespace 'default', test '"
                            + TEST_ID + "').");
            assertThat(failure.getMessage().lines())
                    .contains(
                            "    /question: this request has \"Hello\", the recording has \"Hi\"",
                            "To record it: mvn -pl harness-junit test -Dtest='ModesTest$AskingFixture#asks'"
                                    + " -Dharness.mode=record-if-missing");
            assertThat(upstream.requestCount())
                    .as("only the recording run called upstream")
                    .isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("in mode record-if-missing")
    class RecordIfMissing {
        @Test
        @DisplayName("records what is missing, then replays it")
        void recordsOnce() {
            run("record-if-missing", AskingFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
            run("record-if-missing", AskingFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
            assertThat(upstream.requestCount()).isEqualTo(1);
            assertThat(recordings()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("with a mode fixed by @Recorded(mode = …)")
    class Fixed {
        @Test
        @DisplayName("ignores the configured mode")
        void ignoresConfiguration() {
            run("replay", LiveFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(upstream.requestCount()).isEqualTo(1);
            assertThat(recordings()).isEmpty();
        }

        @Test
        @DisplayName("on a method, wins over the class's annotation")
        void methodWins() {
            run("replay", MethodOverrideFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(recordings()).singleElement().asString().startsWith("method-level/");
        }
    }

    @Fixture
    @Recorded
    static class AskingFixture {
        static volatile String question;

        @Test
        void asks(HttpClient http, HarnessSession session) throws Exception {
            Calls.ANSWERS.put(session.testId().orElseThrow(), Calls.ask(http, question));
        }
    }

    @Fixture
    @Recorded(mode = ModeOverride.LIVE)
    static class LiveFixture {
        @Test
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }

    @Fixture
    @Recorded(namespace = "class-level", mode = ModeOverride.REPLAY)
    static class MethodOverrideFixture {
        @Test
        @Recorded(namespace = "method-level", mode = ModeOverride.RECORD)
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }
}
