package dev.replayharness.benchmarks.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Recorded;

/**
 * The same parameterized test three ways, {@link #count} invocations each. The benchmark sets {@link #count}
 * and {@link #uri} before it launches them; nothing else runs these classes (they are not under src/test).
 * Each invocation builds the request of its variant of {@link ChatExchange}:
 * <ul>
 * <li>{@link Plain}: no extension, no HTTP.
 * <li>{@link RecordedSession}: {@code @Recorded}, takes only the injected {@code HarnessSession}: the extension's
 *     cost without any client (a harness and session per test, bookkeeping, the run report).
 * <li>{@link RecordedIdle}: {@code @Recorded}, takes the injected {@code java.net.http} client, sends nothing:
 *     its cost over {@link Plain} is the extension's own (session, parameter, client, bookkeeping, report).
 * <li>{@link RecordedReplay}: {@code @Recorded}, sends the request and reads the replayed response: also one
 *     replayed exchange per test.
 * </ul>
 */
public final class JunitFixtures {
    public static final String NAMESPACE = "junit";
    /** Invocations per test class. */
    public static volatile int count = 300;
    /** Where requests go: the loopback upstream when recording; never called in replay. */
    public static volatile URI uri = URI.create("http://127.0.0.1:9" + ChatExchange.PATH);
    /** Keeps what each plain or idle invocation built reachable, so nothing is optimized away. */
    static volatile Object sink;

    private JunitFixtures() {}

    static IntStream variants() {
        return IntStream.range(0, count);
    }

    static HttpRequest request(int variant) {
        return Clients.jdkPost(uri, ChatExchange.requestBytes(variant), "application/json");
    }

    /** No extension. */
    public static class Plain {
        @ParameterizedTest
        @MethodSource("dev.replayharness.benchmarks.junit.JunitFixtures#variants")
        void exchange(int variant) {
            sink = request(variant);
        }
    }

    /** The extension and its session, but no client. */
    @Recorded(namespace = NAMESPACE)
    public static class RecordedSession {
        @ParameterizedTest
        @MethodSource("dev.replayharness.benchmarks.junit.JunitFixtures#variants")
        void exchange(int variant, HarnessSession session) {
            sink = session;
            sink = request(variant);
        }
    }

    /** The extension and an injected client, but no exchange. */
    @Recorded(namespace = NAMESPACE)
    public static class RecordedIdle {
        @ParameterizedTest
        @MethodSource("dev.replayharness.benchmarks.junit.JunitFixtures#variants")
        void exchange(int variant, HttpClient http) {
            sink = http;
            sink = request(variant);
        }
    }

    /** The extension and one replayed (or, when the store is made, recorded) exchange per test. */
    @Recorded(namespace = NAMESPACE)
    public static class RecordedReplay {
        @ParameterizedTest
        @MethodSource("dev.replayharness.benchmarks.junit.JunitFixtures#variants")
        void exchange(int variant, HttpClient http) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(request(variant), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length == 0) {
                throw new AssertionError("variant " + variant + ": status " + response.statusCode());
            }
        }
    }
}
