package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.store.RecordingsFolder;

@DisplayName("The recordings toolbox on an AWS event stream (ConverseStream)")
class ShowEventStreamTest {
    @TempDir
    Path root;

    Path file;

    static byte[] frame(String eventType, String messageType, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(
                messageType.equals("exception") ? ":exception-type" : ":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString(messageType));
        ByteBuffer buffer = new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Records a ConverseStream that says "Hello, Earth." and then fails with an exception frame. */
    @BeforeEach
    void record() {
        Harness harness = Harness.builder()
                .recordingsDirectory(root)
                .namespace("demo")
                .mode(Mode.RECORD)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(frame("messageStart", "event", "{\"role\":\"assistant\",\"p\":\"abc\"}"));
        body.writeBytes(
                frame("contentBlockDelta", "event", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hello, \"}}"));
        body.writeBytes(
                frame("contentBlockDelta", "event", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Earth.\"}}"));
        body.writeBytes(
                frame("modelStreamErrorException", "exception", "{\"message\":\"The model stream was interrupted.\"}"));
        try (HarnessSession session = harness.session("Demo#stream")) {
            ExchangePlan plan = session.plan(new OutgoingRequest(
                    "POST",
                    URI.create("http://127.0.0.1:1/model/m/converse-stream"),
                    Headers.empty(),
                    "{}".getBytes(StandardCharsets.UTF_8)));
            ResponseRecorder recorder = ((ExchangePlan.Call) plan).recorder().orElseThrow();
            recorder.started(
                    200,
                    Headers.builder()
                            .add("content-type", "application/vnd.amazon.eventstream")
                            .build());
            byte[] bytes = body.toByteArray();
            recorder.chunk(bytes, 0, bytes.length);
            recorder.completed();
        }
        List<Path> files = RecordingsFolder.at(root).jsonEntries();
        assertThat(files).hasSize(1);
        file = files.get(0);
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute(args)).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    @DisplayName("show: the frame count, the exception frame with its type, and the concatenated text")
    void show() {
        assertThat(run("show", file.toString()))
                .contains("content-type: application/vnd.amazon.eventstream")
                .contains("4 frames; exception modelStreamErrorException: The model stream was interrupted.; text:\n"
                        + "Hello, Earth.");
    }

    @Test
    @DisplayName("list: an event stream and its frame count")
    void list() {
        assertThat(run("list", root.toString())).contains("event stream (4 frames)");
    }

    @Test
    @DisplayName("verify: a readable event-stream recording passes")
    void verify() {
        assertThat(run("verify", root.toString())).contains("1 recordings OK");
    }

    @Test
    @DisplayName("verify: a credential hidden in a frame's base64 payload is found once decoded")
    void verifyBase64Frame() throws Exception {
        // A canary in a short-term key's shape, built here so that no credential-shaped literal is committed.
        String token = "bedrock-api-key-"
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                "BedrockKeyThatShouldNotBeHere".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hidden =
                java.util.Base64.getEncoder().encodeToString(("\u0000" + token).getBytes(StandardCharsets.UTF_8));
        String text = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(
                file,
                text.replaceFirst("\"json\": \\{\\s*\"role\": \"assistant\"\\s*\\}", "\"base64\": \"" + hidden + "\""));
        assertThat(java.nio.file.Files.readString(file)).contains(hidden);
        StringWriter out = new StringWriter();
        CommandLine cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute("verify", root.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("holds a credential-like string once decoded")
                .doesNotContain(token);
    }
}
