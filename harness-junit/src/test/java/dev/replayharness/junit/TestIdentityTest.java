package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Report;
import dev.replayharness.junit.support.Upstream;

@DisplayName("The test id that keys a test's recordings")
class TestIdentityTest {
    static final String PREFIX = "dev.replayharness.junit.TestIdentityTest$";

    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    List<String> recordAndListIds(Class<?> fixture, int tests) {
        FixtureRun.of(workspace, fixture)
                .mode("record")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(tests).succeeded(tests));
        return Report.testIds(workspace);
    }

    @Test
    @DisplayName("is <class binary name>#<method> for a plain test, and is written into its recording")
    void plain() {
        assertThat(recordAndListIds(ParameterizedFixture.class, 3)).contains(PREFIX + "ParameterizedFixture#plain");
        Path recordings = FixtureRun.recordings(workspace);
        assertThat(FixtureRun.files(recordings))
                .extracting(f -> RecordingsFolder.read(recordings.resolve(f)).testId())
                .contains(PREFIX + "ParameterizedFixture#plain");
    }

    @Test
    @DisplayName("appends [n], the invocation index, for each invocation of a @ParameterizedTest")
    void parameterized() {
        assertThat(recordAndListIds(ParameterizedFixture.class, 3))
                .containsExactly(
                        PREFIX + "ParameterizedFixture#asksEach[1]",
                        PREFIX + "ParameterizedFixture#asksEach[2]",
                        PREFIX + "ParameterizedFixture#plain");
        assertThat(FixtureRun.files(FixtureRun.recordings(workspace)))
                .as("one recording per invocation")
                .hasSize(3);
    }

    @Test
    @DisplayName("appends [n] for each repetition of a @RepeatedTest, which then replay their own recordings")
    void repeated() {
        assertThat(recordAndListIds(RepeatedFixture.class, 3))
                .containsExactly(
                        PREFIX + "RepeatedFixture#asks[1]",
                        PREFIX + "RepeatedFixture#asks[2]",
                        PREFIX + "RepeatedFixture#asks[3]");
        FixtureRun.of(workspace, RepeatedFixture.class)
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(upstream.requestCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("uses the @Nested class's binary name, and the outer class's @Recorded")
    void nested() {
        assertThat(recordAndListIds(OuterFixture.class, 2))
                .containsExactly(PREFIX + "OuterFixture#outer", PREFIX + "OuterFixture$Inner#inner");
        assertThat(FixtureRun.files(FixtureRun.recordings(workspace))).allMatch(f -> f.startsWith("outer/"));
    }

    @Test
    @DisplayName("names the subclass when @Recorded is inherited from a superclass")
    void inherited() {
        assertThat(recordAndListIds(InheritingFixture.class, 1)).containsExactly(PREFIX + "InheritingFixture#asks");
        assertThat(FixtureRun.files(FixtureRun.recordings(workspace)))
                .singleElement()
                .asString()
                .startsWith("base/");
    }

    @Fixture
    @Recorded
    static class ParameterizedFixture {
        @ParameterizedTest
        @ValueSource(strings = {"Hi", "Hello"})
        void asksEach(String question, HttpClient http) throws Exception {
            Calls.ask(http, question);
        }

        @Test
        void plain(HttpClient http) throws Exception {
            Calls.ask(http, "plain");
        }
    }

    @Fixture
    @Recorded
    static class RepeatedFixture {
        @RepeatedTest(3)
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "again");
        }
    }

    @Fixture
    @Recorded(namespace = "outer")
    static class OuterFixture {
        @Test
        void outer(HttpClient http) throws Exception {
            Calls.ask(http, "outer");
        }

        @Nested
        class Inner {
            @Test
            void inner(HttpClient http) throws Exception {
                Calls.ask(http, "inner");
            }
        }
    }

    @Recorded(namespace = "base")
    abstract static class BaseFixture {
        @Test
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "inherited");
        }
    }

    @Fixture
    static class InheritingFixture extends BaseFixture {}
}
