package dev.replayharness.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.LoopbackServer;

@DisplayName("Through RestClient and WebClient, record and replay hand the caller the same response")
class RecordReplayParityTest {
    static final String JSON = "{\n  \"id\": \"chatcmpl-9f2c\",\n  \"created\": 1732233600,\n  \"choices\": []\n}";
    static final String EVENT = "data:{\"id\":\"chatcmpl-77aa\",\"created\":1732233601,\"choices\":[]}\n\n";

    @TempDir
    Path recordings;

    HarnessSession session(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("spring-parity")
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build()
                .session("RecordReplayParityTest#call");
    }

    static LoopbackServer upstream(boolean stream) {
        return LoopbackServer.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (stream ? EVENT + EVENT + "data: [DONE]\n\n" : JSON).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    static String restClient(HarnessSession session, String base) {
        return HarnessRestClient.wire(RestClient.builder(), session)
                .build()
                .post()
                .uri(base + "/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"q\":1}")
                .retrieve()
                .body(String.class);
    }

    static String webClient(HarnessSession session, String base) {
        List<String> parts = HarnessWebClient.wire(WebClient.builder(), session)
                .build()
                .post()
                .uri(base + "/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"q\":1}")
                .retrieve()
                .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class)
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    return text;
                })
                .collectList()
                .block(Duration.ofSeconds(30));
        return String.join("", parts);
    }

    String recordThenReplay(boolean webClient, boolean stream) throws Exception {
        String recorded;
        try (LoopbackServer upstream = upstream(stream);
                HarnessSession session = session(Mode.RECORD)) {
            recorded = webClient ? webClient(session, upstream.url()) : restClient(session, upstream.url());
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                HarnessSession session = session(Mode.REPLAY)) {
            String base = sentinel.uri("/").toString().replaceAll("/$", "");
            String replayed = webClient ? webClient(session, base) : restClient(session, base);
            assertThat(sentinel.acceptedConnections()).isZero();
            assertThat(recorded).contains("\"id\":\"rec-", "\"created\":0").doesNotContain("chatcmpl-");
            assertThat(recorded).isEqualTo(replayed);
        }
        return recorded;
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("RestClient")
    void restClient(boolean stream) throws Exception {
        recordThenReplay(false, stream);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("WebClient")
    void webClient(boolean stream) throws Exception {
        recordThenReplay(true, stream);
    }
}
