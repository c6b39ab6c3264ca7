package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Upstream;

@DisplayName("@Fault and strict tests")
class FaultAnnotationTest {
    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    @BeforeEach
    void clear() {
        Calls.ANSWERS.clear();
    }

    static String exchange(HttpClient http, String question) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(Upstream.current().chatUri())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Calls.body(question)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " "
                + response.headers().firstValue("retry-after").orElse("-") + " " + response.body();
    }

    static String firstFailure(EngineExecutionResults results) {
        return FixtureRun.throwable(results.testEvents().failed().list().get(0)).getMessage();
    }

    @Nested
    @DisplayName("a @Fault")
    class Annotation {
        @Test
        @DisplayName("answers the n-th exchange with the fault, in record mode without calling upstream, and the"
                + " retry replays the recording the record run wrote")
        void throttledThenReplayed() {
            FixtureRun.of(workspace, RetryFixture.class)
                    .mode("record")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            assertThat(upstream.requestCount()).isEqualTo(1);
            assertThat(FixtureRun.files(FixtureRun.recordings(workspace))).hasSize(1);

            FixtureRun.of(workspace, RetryFixture.class)
                    .mode("replay")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            assertThat(upstream.requestCount()).isEqualTo(1);
            assertThat(Calls.ANSWERS.get("first")).startsWith("429 2 {\"error\":{\"message\":\"Rate limit reached");
            assertThat(Calls.ANSWERS.get("second")).isEqualTo("200 - {\"answer\":\"reply #1\"}");
        }

        @Test
        @DisplayName("that matches no exchange fails the test, naming the fault, where it was declared and the"
                + " test's exchanges")
        void matchesNothing() {
            EngineExecutionResults results = FixtureRun.of(workspace, NowhereFixture.class)
                    .mode("record")
                    .execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(firstFailure(results))
                    .isEqualTo("Replay Harness: test " + NowhereFixture.class.getName() + "#asks left 1 thing undone:\n"
                            + "  - fault 'reset;path=/nowhere' (@Fault on " + NowhereFixture.class.getName()
                            + "#asks) matched no exchange of this test\n"
                            + "Its exchanges: POST /v1/chat (recorded).\n"
                            + "Fix the fault's matchers (method, path, body-at, recording, nth), remove what the test no"
                            + " longer needs, or check that the test sends the request.");
            assertThat(FixtureRun.files(FixtureRun.recordings(workspace))).isEmpty();
        }

        @Test
        @DisplayName("with an unknown kind fails the test before it runs, naming the declaration and the test")
        void unknownKind() {
            EngineExecutionResults results =
                    FixtureRun.of(workspace, UnknownKindFixture.class).execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(firstFailure(results))
                    .startsWith("Fault 'explode;nth=1' (@Fault on " + UnknownKindFixture.class.getName()
                            + "#asks in test " + UnknownKindFixture.class.getName() + "#asks): unknown fault kind"
                            + " 'explode'. Fault kinds: ");
            assertThat(Calls.ANSWERS).isEmpty();
        }

        @Test
        @DisplayName("that shapes a stream fails an exchange in record mode, and nothing is written")
        void streamFaultInRecordMode() {
            EngineExecutionResults results =
                    FixtureRun.of(workspace, CutFixture.class).mode("record").execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(firstFailure(results))
                    .startsWith("Fault 'cut-after-events=1' (@Fault on " + CutFixture.class.getName() + "#asks)"
                            + " fired on POST /v1/chat in test " + CutFixture.class.getName() + "#asks, which has no"
                            + " recording to shape and would go upstream (mode record).");
            assertThat(upstream.requestCount()).isZero();
            assertThat(FixtureRun.files(FixtureRun.recordings(workspace))).isEmpty();
        }

        @Test
        @DisplayName("that fires at random puts its seed beside a failure of the test")
        void seedOnFailure() {
            EngineExecutionResults results =
                    FixtureRun.of(workspace, RandomFixture.class).mode("record").execute();
            Throwable failure =
                    FixtureRun.throwable(results.testEvents().failed().list().get(0));
            assertThat(failure).hasMessage("the test failed");
            assertThat(Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage))
                    .containsExactly("Replay Harness: this test's faults fired at random; to repeat the run, keep these"
                            + " seeds: 'status=500;probability=0.5;seed=7' (@Fault on " + RandomFixture.class.getName()
                            + "#fails) seed=7");
        }
    }

    @Nested
    @DisplayName("a strict test")
    class Strict {
        @BeforeEach
        void recordTwo() {
            FixtureRun.of(workspace, TwoQuestionsFixture.class)
                    .mode("record")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            Calls.ANSWERS.put("only-first", "yes");
        }

        @Test
        @DisplayName("fails when it did not replay every recording it owns, naming the unused one")
        void unusedRecording() {
            EngineExecutionResults results = FixtureRun.of(workspace, TwoQuestionsFixture.class)
                    .mode("replay")
                    .parameter(HarnessConfiguration.STRICT, "true")
                    .execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            String unused = FixtureRun.files(FixtureRun.recordings(workspace)).stream()
                    .filter(f -> !f.equals(Calls.ANSWERS.get("replayed")))
                    .findFirst()
                    .orElseThrow();
            assertThat(firstFailure(results))
                    .startsWith("Replay Harness: test " + TwoQuestionsFixture.class.getName() + "#asks (strict) left 1"
                            + " thing undone:\n  - recording ")
                    .contains(unused + " was not replayed\nIts exchanges: POST /v1/chat (replayed).");
        }

        @Test
        @DisplayName("passes without strict")
        void notStrict() {
            FixtureRun.of(workspace, TwoQuestionsFixture.class)
                    .mode("replay")
                    .execute()
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }

        @Test
        @DisplayName("with @Recorded(strict = true) fails when a fault matched but never fired")
        void faultNeverFired() {
            EngineExecutionResults results = FixtureRun.of(workspace, NeverFiredFixture.class)
                    .mode("record")
                    .execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(firstFailure(results))
                    .contains("  - fault 'reset;nth=3' (@Fault on " + NeverFiredFixture.class.getName()
                            + "#asks) never fired (it matched 1 exchange)\n");
        }
    }

    @Fixture
    @Recorded
    static class RetryFixture {
        @Test
        @Fault("status=429;retry-after=2s;nth=1")
        void retries(HttpClient http) throws Exception {
            Calls.ANSWERS.put("first", exchange(http, "Hi"));
            Calls.ANSWERS.put("second", exchange(http, "Hi"));
        }
    }

    @Fixture
    @Recorded
    static class NowhereFixture {
        @Test
        @Fault("reset;path=/nowhere")
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }

    @Fixture
    @Recorded
    static class UnknownKindFixture {
        @Test
        @Fault("explode;nth=1")
        void asks(HttpClient http) throws Exception {
            Calls.ANSWERS.put("ran", Calls.ask(http, "Hi"));
        }
    }

    @Fixture
    @Recorded
    static class CutFixture {
        @Test
        @Fault("cut-after-events=1")
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }

    @Fixture
    @Recorded
    static class RandomFixture {
        @Test
        @Fault("status=500;probability=0.5;seed=7")
        void fails(HttpClient http) throws Exception {
            exchange(http, "Hi");
            fail("the test failed");
        }
    }

    @Fixture
    @Recorded
    static class TwoQuestionsFixture {
        @Test
        void asks(HttpClient http, dev.replayharness.core.HarnessSession session) throws Exception {
            Calls.ask(http, "first");
            if (!Calls.ANSWERS.containsKey("only-first")) {
                Calls.ask(http, "second");
            } else {
                Path file = session.uses().get(0).file();
                Calls.ANSWERS.put("replayed", file.getParent().getFileName() + "/" + file.getFileName());
            }
        }
    }

    @Fixture
    @Recorded(strict = true)
    static class NeverFiredFixture {
        @Test
        @Fault("reset;nth=3")
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }
}
