package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.ProvidedClient;
import dev.replayharness.junit.support.Upstream;

@DisplayName("Injected parameters")
class InjectionTest {
    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    @BeforeEach
    void reset() {
        Calls.ANSWERS.clear();
    }

    EngineExecutionResults run(String mode, Class<?> fixture) {
        return FixtureRun.of(workspace, fixture).mode(mode).execute();
    }

    @Nested
    @DisplayName("CloseableHttpClient, CloseableHttpAsyncClient, java.net.http.HttpClient and HttpClientWiring")
    class Clients {
        @Test
        @DisplayName("each record, then replay the same answers without upstream")
        void recordAndReplay() {
            run("record", ClientsFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(6).succeeded(6));
            assertThat(upstream.requestCount()).isEqualTo(6);
            assertThat(FixtureRun.files(FixtureRun.recordings(workspace))).hasSize(6);
            var recorded = new java.util.HashMap<>(Calls.ANSWERS);
            assertThat(recorded)
                    .hasSize(6)
                    .allSatisfy((test, answer) -> assertThat(answer).startsWith("{\"answer\":"));

            Calls.ANSWERS.clear();
            run("replay", ClientsFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(6).succeeded(6));
            assertThat(upstream.requestCount()).isEqualTo(6);
            assertThat(Calls.ANSWERS).isEqualTo(recorded);
        }
    }

    @Nested
    @DisplayName("java.net.http clients")
    class SharedDelegate {
        @Test
        @DisplayName(
                "of every test in a run go upstream through one shared client (one connection pool, not one per test)")
        void oneConnectionPool() {
            run("record", ManyJdkTestsFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(8).succeeded(8));
            assertThat(upstream.requestCount()).isEqualTo(8);
            assertThat(upstream.connectionCount()).isEqualTo(1);
            assertThat(Calls.ANSWERS).hasSize(8);
            assertThat(Calls.ANSWERS.values()).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("clients")
    class Closing {
        @Test
        @DisplayName("are closed by JUnit when the test invocation ends")
        void closed() {
            run("record", KeepingFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(KeepingFixture.async.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
            assertThatThrownBy(() -> Calls.ask(KeepingFixture.classic, "after the test"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shut down");
        }
    }

    @Nested
    @DisplayName("HarnessSession")
    class Session {
        @Test
        @DisplayName("is the test's session, shared with its @BeforeEach method, and lists its uses")
        void session() {
            run("record", SessionFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(Calls.ANSWERS).containsEntry("uses", "[RECORDED POST /v1/chat]");
        }
    }

    @Nested
    @DisplayName("a type of a SessionParameter provider on the classpath (ServiceLoader)")
    class Provided {
        @Test
        @DisplayName(
                "is made from the test's session, shared with @BeforeEach, and closed once when the invocation ends")
        void provided() {
            run("record", ProvidedFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(ProvidedFixture.client.closed()).isTrue();
        }
    }

    @Nested
    @DisplayName("outside a test invocation")
    class Outside {
        @Test
        @DisplayName("fail with a message saying where they can be injected")
        void beforeAll() {
            EngineExecutionResults results = run("replay", BeforeAllFixture.class);
            results.containerEvents().assertStatistics(s -> s.failed(1));
            Throwable failure = FixtureRun.throwable(
                    results.containerEvents().failed().list().get(0));
            assertThat(failure)
                    .hasMessageStartingWith("Replay Harness injects java.net.http.HttpClient into test "
                            + "methods and their @BeforeEach and @AfterEach methods, one per test invocation; ")
                    .hasMessageEndingWith(" is not one of them. Take it as a parameter of the test method instead.");
        }
    }

    @Fixture
    @Recorded
    static class ManyJdkTestsFixture {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
        void asks(int n, HttpClient client, HarnessSession session) throws Exception {
            Calls.ANSWERS.put(session.testId().orElseThrow() + "#" + n, Calls.ask(client, "question " + n));
        }
    }

    @Fixture
    @Recorded
    static class ClientsFixture {
        static void answer(HarnessSession session, String answer) {
            Calls.ANSWERS.put(session.testId().orElseThrow(), answer);
        }

        @Test
        void classic(CloseableHttpClient client, HarnessSession session) throws Exception {
            answer(session, Calls.ask(client, "classic"));
        }

        @Test
        void async(CloseableHttpAsyncClient client, HarnessSession session) throws Exception {
            answer(session, Calls.ask(client, "async"));
        }

        @Test
        void jdk(HttpClient client, HarnessSession session) throws Exception {
            answer(session, Calls.ask(client, "jdk"));
        }

        @Test
        void wiredJdk(HttpClientWiring wiring, HarnessSession session) throws Exception {
            answer(session, Calls.ask(wiring.wrap(HttpClient.newHttpClient()), "wired jdk"));
        }

        @Test
        void wiredClassic(HttpClientWiring wiring, HarnessSession session) throws Exception {
            try (CloseableHttpClient client = wiring.wire(HttpClients.custom()).build()) {
                answer(session, Calls.ask(client, "wired classic"));
            }
        }

        @Test
        void wiredAsync(HttpClientWiring wiring, HarnessSession session) throws Exception {
            try (CloseableHttpAsyncClient client =
                    wiring.wire(HttpAsyncClients.custom()).build()) {
                client.start();
                answer(session, Calls.ask(client, "wired async"));
            }
        }
    }

    @Fixture
    @Recorded
    static class SessionFixture {
        HttpClient fromBeforeEach;
        HarnessSession sessionFromBeforeEach;

        @BeforeEach
        void setUp(HttpClient http, HarnessSession session) {
            fromBeforeEach = http;
            sessionFromBeforeEach = session;
        }

        @Test
        void asks(HttpClient http, HarnessSession session) throws Exception {
            assertSame(fromBeforeEach, http);
            assertSame(sessionFromBeforeEach, session);
            Calls.ask(http, "Hi");
            List<String> uses = session.uses().stream()
                    .map((RecordingUse u) -> u.outcome() + " " + u.method() + " " + u.path())
                    .toList();
            Calls.ANSWERS.put("uses", uses.toString());
        }
    }

    @Fixture
    @Recorded
    static class ProvidedFixture {
        static volatile ProvidedClient client;
        ProvidedClient fromBeforeEach;

        @BeforeEach
        void setUp(ProvidedClient provided) {
            fromBeforeEach = provided;
        }

        @Test
        void takes(ProvidedClient provided, HarnessSession session) {
            client = provided;
            assertSame(fromBeforeEach, provided);
            assertSame(session, provided.session());
            assertThat(provided.closed()).isFalse();
        }
    }

    @Fixture
    @Recorded
    static class KeepingFixture {
        static volatile CloseableHttpClient classic;
        static volatile CloseableHttpAsyncClient async;

        @Test
        void keeps(CloseableHttpClient classicClient, CloseableHttpAsyncClient asyncClient) throws Exception {
            classic = classicClient;
            async = asyncClient;
            Calls.ask(asyncClient, "still open");
        }
    }

    @Fixture
    @Recorded
    static class BeforeAllFixture {
        @BeforeAll
        static void setUp(HttpClient http) {
            // never reached
        }

        @Test
        void asks() {}
    }
}
