package dev.replayharness.spring;

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

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.testing.RecordReplayParity;

@DisplayName("Through RestClient and WebClient, record and replay hand the caller the same response")
class RecordReplayParityTest {
    static final String NAMESPACE = "spring-parity";
    static final String TEST_ID = "RecordReplayParityTest#call";

    @TempDir
    Path recordings;

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

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("RestClient")
    void restClient(boolean stream) throws Exception {
        RecordReplayParity.check(recordings, NAMESPACE, TEST_ID, stream, RecordReplayParityTest::restClient);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("WebClient")
    void webClient(boolean stream) throws Exception {
        RecordReplayParity.check(recordings, NAMESPACE, TEST_ID, stream, RecordReplayParityTest::webClient);
    }
}
