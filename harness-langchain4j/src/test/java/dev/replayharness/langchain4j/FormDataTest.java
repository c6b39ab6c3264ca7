package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.http.OutgoingRequest;

@DisplayName("form-data requests (audio transcription, image edits)")
class FormDataTest {
    @TempDir
    Path recordings;

    private static HttpRequest upload(String baseUrl) {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(baseUrl + "/v1/audio/transcriptions")
                .addFormDataField("model", "whisper-1")
                .addFormDataFile("file", "hello.wav", "audio/wav", "RIFF-bytes".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    @DisplayName("are keyed by a multipart body with a fixed boundary, holding every field and file")
    void keyedDeterministically() {
        OutgoingRequest first = Messages.outgoing(upload("http://127.0.0.1"));
        OutgoingRequest again = Messages.outgoing(upload("http://127.0.0.1"));

        assertThat(first).isEqualTo(again);
        assertThat(first.headers().first("content-type"))
                .hasValue("multipart/form-data; boundary=" + Messages.FORM_BOUNDARY);
        assertThat(new String(first.body(), StandardCharsets.UTF_8))
                .contains("name=\"model\"", "whisper-1", "filename=\"hello.wav\"", "audio/wav", "RIFF-bytes");
    }

    @Test
    @DisplayName("record through the delegate (its own random boundary on the wire) and replay with no upstream")
    void recordAndReplay() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/v1/audio/transcriptions", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        Harness.Builder harness =
                Harness.builder().recordingsDirectory(recordings).namespace("form");
        try {
            try (HarnessSession session = harness.mode(Mode.RECORD).build().session("FormDataTest#upload")) {
                assertThat(HarnessLangChain4j.builder(session)
                                .build()
                                .execute(upload(baseUrl))
                                .body())
                        .contains("hello");
            }
            try (HarnessSession session = harness.mode(Mode.REPLAY).build().session("FormDataTest#upload")) {
                assertThat(HarnessLangChain4j.builder(session)
                                .build()
                                .execute(upload(baseUrl))
                                .body())
                        .contains("hello");
            }
            assertThat(calls).hasValue(1);
        } finally {
            server.stop(0);
        }
    }
}
