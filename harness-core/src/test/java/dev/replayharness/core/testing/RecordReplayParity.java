package dev.replayharness.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.normalize.ResponseNormalizer;

/**
 * The record-then-replay parity check each adapter module runs through its own client: the caller must get the
 * same normalized answer in record mode as in replay, and replay must open no connection.
 */
public final class RecordReplayParity {
    /** A JSON answer whose id and created the OpenAI-compatible normalizer rewrites. */
    public static final String JSON =
            "{\n  \"id\": \"chatcmpl-9f2c\",\n  \"created\": 1732233600,\n  \"choices\": []\n}";

    public static final String EVENT = "data:{\"id\":\"chatcmpl-77aa\",\"created\":1732233601,\"choices\":[]}\n\n";

    /** One exchange through the client under test, to {@code base} ({@code http://127.0.0.1:port}, no path). */
    @FunctionalInterface
    public interface Call {
        String call(HarnessSession session, String base) throws Exception;
    }

    private RecordReplayParity() {}

    /**
     * Records {@code call} against a loopback upstream answering {@link #JSON} (or two {@link #EVENT}s and
     * {@code [DONE]} when {@code stream}), replays it against a server that must see no connection, and asserts
     * the recorded answer is normalized and equal to the replayed one. Returns the recorded answer.
     */
    public static String check(Path recordings, String namespace, String testId, boolean stream, Call call)
            throws Exception {
        String recorded;
        try (LoopbackServer upstream = upstream(stream);
                HarnessSession session = session(recordings, namespace, testId, Mode.RECORD)) {
            recorded = call.call(session, upstream.url());
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = session(recordings, namespace, testId, Mode.REPLAY)) {
            String replayed = call.call(session, sentinel.uri("").toString());
            assertThat(sentinel.acceptedConnections()).isZero();
            assertThat(recorded).contains("\"id\":\"rec-", "\"created\":0").doesNotContain("chatcmpl-");
            assertThat(recorded).isEqualTo(replayed);
        }
        return recorded;
    }

    private static HarnessSession session(Path recordings, String namespace, String testId, Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace(namespace)
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build()
                .session(testId);
    }

    private static LoopbackServer upstream(boolean stream) {
        return LoopbackServer.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (stream ? EVENT + EVENT + "data: [DONE]\n\n" : JSON).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }
}
