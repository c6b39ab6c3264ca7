package dev.replayharness.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.codec.ContentEncoding;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.AtomicFiles;
import dev.replayharness.core.store.RecordingsFolder;

/** Checks every file below a recordings folder; one line per problem. */
@Command(
        name = "verify",
        description = "Check that every recording parses, has a known format version, is named "
                + "for the key of its request, and holds no credential-like string. Exit 1 and one line per problem.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "recordings", description = "recordings folder (default: ${DEFAULT-VALUE})")
    Path root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        RecordingsFolder folder = RecordingsFolder.at(root);
        // A stale temporary file of a write killed midway is debris: swept (a fresh one is named below).
        for (Path swept : folder.sweepTemporaries()) {
            out.println(swept + ": deleted, the temporary file of an interrupted write");
        }
        for (Path file : folder.entries()) {
            checked++;
            problems.addAll(check(file));
        }
        problems.forEach(out::println);
        out.println(
                problems.isEmpty()
                        ? "verify: " + checked + " recordings OK in " + root
                        : "verify: " + problems.size() + " problem(s) in " + checked + " files in " + root);
        return problems.isEmpty() ? 0 : 1;
    }

    private static final String HIDDEN_CREDENTIAL = "holds a credential-like string once decoded; replace the body (and"
            + " revoke the credential if it is real), or delete the file and re-record";

    /**
     * Whether a base64 body's bytes, or an event-stream frame's base64 payload, (decompressed when its content-encoding says how and they are so encoded) hold
     * a credential-like string: the line scan sees only base64 text.
     */
    private static boolean holdsCredential(Body body, Headers headers) {
        if (body instanceof Body.Frames frames) { // an event-stream frame's base64 payload hides text the same way
            return frames.frames().stream()
                    .map(f -> f.frame().path("base64"))
                    .filter(tools.jackson.databind.JsonNode::isString)
                    .anyMatch(b -> holdsCredential(
                            new Body.Binary(java.util.Base64.getDecoder().decode(b.stringValue())), Headers.empty()));
        }
        if (!(body instanceof Body.Binary binary)) {
            return false;
        }
        byte[] bytes = ContentEncoding.supported(headers)
                .flatMap(e -> ContentEncoding.decode(e, binary.bytes()))
                .orElse(binary.bytes());
        String asBytes = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte: every pattern is ASCII
        return !CredentialScanner.linesWithCredentials(asBytes).isEmpty();
    }

    /** The field a hidden credential is in: an event stream keeps a base64 payload per frame, not one body. */
    private static String base64Field(String side, Body body) {
        return side + (body instanceof Body.Frames ? ".body.frames[].base64 " : ".body.base64 ");
    }

    /** What a {@link RecordingFormatException} says is wrong, without the "Recording <file>: " it starts with. */
    private static String problem(RecordingFormatException e) {
        String prefix = "Recording " + e.file() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    static List<String> check(Path file) {
        List<String> problems = new ArrayList<>();
        if (RecordingsFolder.isTemporary(file)) {
            problems.add(
                    file + ": a temporary file left by a recording write that was killed before it finished (kill -9);"
                            + " delete it. Recording into this folder also deletes it once it is "
                            + AtomicFiles.STALE_AFTER.toMinutes() + " minutes old");
            return problems;
        }
        if (Files.isDirectory(file)) {
            problems.add(file + ": is a directory, not a recording file; delete or move it, then re-record");
            return problems;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": is a symbolic link that cannot be followed (a loop, or a missing target); replace it"
                    + " with the recording file, or delete it and re-record");
            return problems;
        }
        Optional<RecordingKey.Named> named = RecordingsFolder.name(file);
        if (named.isEmpty()) {
            problems.add(file + ": not a recording file name (<64 hex digits>[-<n>].json); move or delete it");
            return problems;
        }
        byte[] bytes;
        String text;
        try {
            bytes = RecordingsFolder.bytes(file); // as replay reads it
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (RecordingFormatException e) {
            problems.add(file + ": " + problem(e));
            return problems;
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(file + ": cannot be read as UTF-8 (" + e.getMessage() + ")");
            return problems;
        }
        for (int line : CredentialScanner.linesWithCredentials(text)) {
            problems.add(
                    file + ":" + line + ": holds a credential-like string; replace it with REDACTED (and revoke the"
                            + " credential if it is real)");
        }
        try {
            Recording recording = RecordingsFolder.parse(file, bytes);
            if (holdsCredential(recording.request().body(), Headers.empty())) {
                problems.add(
                        file + ": " + base64Field("request", recording.request().body()) + HIDDEN_CREDENTIAL);
            }
            if (holdsCredential(
                    recording.response().body(), recording.response().headers())) {
                problems.add(file + ": "
                        + base64Field("response", recording.response().body()) + HIDDEN_CREDENTIAL);
            }
            RecordingKey actual =
                    CanonicalRequest.of(recording.request(), recording.testId()).key();
            if (!actual.equals(named.get().key())) {
                problems.add(file + ": named for key " + named.get().key() + " but its request hashes to " + actual
                        + "; run `harness rehash` after a deliberate change, else re-record it");
            }
        } catch (RecordingFormatException e) {
            problems.add(file + ": " + problem(e));
        } catch (RuntimeException e) { // e.g. a hand-edited url or normalizer: report it and go on to the next file
            problems.add(file + ": its request cannot be keyed (" + e.getMessage() + "); fix it or re-record it");
        }
        return problems;
    }
}
