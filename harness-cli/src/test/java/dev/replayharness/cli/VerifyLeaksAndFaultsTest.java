package dev.replayharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordedResponse;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;

/** What `harness verify` says about the leaks and faults of issue 13 it used to pass or misname. */
@DisplayName("harness verify, on what the adversarial run found")
class VerifyLeaksAndFaultsTest {
    static final long SEED = Long.getLong("leaks.seed", System.nanoTime());

    @TempDir
    Path root;

    Path folder;
    /** A credential by its shape (verify knows no session's secrets, only the patterns), random per run. */
    String token;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectories(root.resolve("demo"));
        byte[] random = new byte[16];
        new Random(SEED).nextBytes(random);
        token = "sk-" + HexFormat.of().formatHex(random);
    }

    record Result(int exit, String out) {}

    static Result verify(Path root) {
        StringWriter out = new StringWriter();
        var cli = HarnessCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute("verify", root.toString());
        return new Result(exit, out.toString());
    }

    /** A correctly named recording of GET /v1/x whose response is {@code body} with {@code headers}. */
    Path recording(String path, Headers headers, Body body) {
        RecordedRequest request = new RecordedRequest("GET", "http://127.0.0.1" + path, null, null, List.of());
        Path file = folder.resolve(CanonicalRequest.of(request, null).key().fileName(1));
        RecordingsFolder.write(
                file, new Recording(1, null, "emulator", request, new RecordedResponse(200, headers, body, null)));
        return file;
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    @DisplayName("a credential inside a base64 body is found, decoded, and named by file and field, not by value")
    void credentialInBase64() {
        Path file = recording(
                "/v1/blob",
                Headers.builder()
                        .add("content-type", "application/octet-stream")
                        .build(),
                new Body.Binary(("\0\1" + token + "\0").getBytes(StandardCharsets.ISO_8859_1)));

        Result result = verify(root);

        assertThat(result.exit()).as("seed %d", SEED).isEqualTo(1);
        assertThat(result.out())
                .as("seed %d", SEED)
                .isEqualTo(file + ": response.body.base64 holds a credential-like string"
                        + " once decoded; replace the body (and revoke the credential if it is real), or delete the file and re-record\n"
                        + "verify: 1 problem(s) in 1 files in " + root + "\n")
                .doesNotContain(token);
    }

    @Test
    @DisplayName("a credential inside an event-stream frame's base64 payload is found and named by its field")
    void credentialInFramePayload() {
        tools.jackson.databind.node.ObjectNode frame = tools.jackson.databind.json.JsonMapper.shared()
                .createObjectNode()
                .put(
                        "base64",
                        java.util.Base64.getEncoder()
                                .encodeToString(("\0\1" + token + "\0").getBytes(StandardCharsets.ISO_8859_1)));
        frame.putObject("headers").put(":message-type", "event");
        Path file = recording(
                "/v1/frames",
                Headers.builder()
                        .add("content-type", "application/vnd.amazon.eventstream")
                        .build(),
                new Body.Frames(List.of(new dev.replayharness.core.recording.EventFrame(frame, null))));

        Result result = verify(root);

        assertThat(result.exit()).as("seed %d", SEED).isEqualTo(1);
        assertThat(result.out())
                .as("seed %d", SEED)
                .startsWith(file + ": response.body.frames[].base64 holds a credential-like string once decoded;")
                .doesNotContain(token);
    }

    @Test
    @DisplayName("a credential inside a gzip body stored as base64 (as Apache recordings were) is found, decompressed")
    void credentialInGzipBase64() throws IOException {
        Path file = recording(
                "/v1/zipped",
                Headers.builder()
                        .add("content-type", "application/json")
                        .add("content-encoding", "gzip")
                        .build(),
                new Body.Binary(gzip("{\"echo\":\"" + token + "\"}")));

        Result result = verify(root);

        assertThat(result.exit()).as("seed %d", SEED).isEqualTo(1);
        assertThat(result.out())
                .as("seed %d", SEED)
                .startsWith(file + ": response.body.base64 holds a credential-like string" + " once decoded;")
                .doesNotContain(token);
    }

    @Test
    @DisplayName("a temporary file left by a killed recording is named as such, with the fix")
    void leftoverTempFile() throws IOException {
        Path good = recording("/v1/ok", Headers.empty(), new Body.Text("fine"));
        Path temp = Files.writeString(folder.resolve("." + good.getFileName() + "8157403311982301.tmp"), "{\"form");

        Result result = verify(root);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .isEqualTo(temp + ": a temporary file left by a recording write that was killed before it"
                        + " finished (kill -9); delete it. Recording into this folder also deletes it once it is 10 minutes old\n"
                        + "verify: 1 problem(s) in 2 files in " + root + "\n");
    }

    @Test
    @DisplayName("a <key>.json that is a directory fails, where it used to pass")
    void directory() throws IOException {
        Path good = recording("/v1/ok", Headers.empty(), new Body.Text("fine"));
        Path dir = Files.createDirectory(
                folder.resolve(good.getFileName().toString().replace(".json", "-2.json")));

        Result result = verify(root);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .isEqualTo(dir + ": is a directory, not a recording file; delete or move it, then re-record\n"
                        + "verify: 1 problem(s) in 2 files in " + root + "\n");
    }

    @Test
    @DisplayName("a <key>.json that is a symbolic link loop fails, where it used to pass")
    void symlinkLoop() throws IOException {
        Path good = recording("/v1/ok", Headers.empty(), new Body.Text("fine"));
        Path link = folder.resolve(good.getFileName().toString().replace(".json", "-2.json"));
        Files.createSymbolicLink(link, link.getFileName());

        Result result = verify(root);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .isEqualTo(link + ": is a symbolic link that cannot be followed (a loop, or a missing target);"
                        + " replace it with the recording file, or delete it and re-record\n"
                        + "verify: 1 problem(s) in 2 files in " + root + "\n");
    }
}
