package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.Objects;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.redact.Redactor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** What every store checks about a recording it hands out, the same way for files and memory. */
final class RecordingChecks {
    /** Stored recordings are redacted when written; messages are redacted again by pattern only. */
    private static final Redactor MESSAGES = new Redactor();

    private RecordingChecks() {}

    /**
     * {@code recording}, stored at {@code location} under {@code expected}, checked against that key: by
     * equality with {@code sent} when it is given, else by hashing its request.
     */
    static StoredRecording verified(
            Path location, RecordingKey expected, Recording recording, RecordedRequest sent, String sentTestId) {
        if (sent != null && sameKeyInput(recording, sent, sentTestId)) {
            // The stored request is exactly what the key being looked up was computed from, so its key is
            // that key: no need to canonicalize and hash it again.
            return new StoredRecording(location, expected, ReplayRenderer.Rendered.of(recording, location));
        }
        return new StoredRecording(
                location, keyed(location, expected, recording), ReplayRenderer.Rendered.of(recording, location));
    }

    /** The key {@code recording}'s request hashes to, which must be {@code expected}. */
    static RecordingKey keyed(Path location, RecordingKey expected, Recording recording) {
        RecordingKey actual = keyOf(location, recording);
        if (!actual.equals(expected)) {
            throw new RecordingFormatException(
                    location,
                    "its name says key " + expected + " but its request hashes to "
                            + actual + ": the file was renamed, or its request or testId edited. Rename it to "
                            + actual.fileName(1)
                            + " if the edit was deliberate, or delete it and re-record.");
        }
        return actual;
    }

    static RecordingKey keyOf(Path location, Recording recording) {
        try {
            return CanonicalRequest.of(recording.request(), recording.testId()).key();
        } catch (RuntimeException e) { // a hand-edited url or normalizer spec
            throw new RecordingFormatException(
                    location,
                    "its request cannot be keyed (" + MESSAGES.redact(e.getMessage())
                            + "). Fix request.url and request.normalizers, or delete the file and re-record.",
                    e);
        }
    }

    /**
     * Whether the recording's key input (method, URL, body, normalizers, test identity) is equal, value for value,
     * to that of {@code sent}. Equal values have one canonical form: a JSON body in {@code sent} is always keyed
     * as JSON, where member order does not count (as for Jackson's equality), because the keyer turns a body
     * that is not I-JSON into bytes. Unequal values may still share a form (0.7 and 0.70), so false only means
     * "hash it to know".
     */
    private static boolean sameKeyInput(Recording recording, RecordedRequest sent, String sentTestId) {
        RecordedRequest recorded = recording.request();
        return Objects.equals(recording.testId(), sentTestId)
                && recorded.method().equals(sent.method())
                && recorded.url().equals(sent.url())
                && recorded.normalizers().equals(sent.normalizers())
                && Objects.equals(recorded.body(), sent.body());
    }

    /** A request body as the key sees it (normalized), for diffing; a body that is not JSON as a string. */
    static JsonNode keyedBody(RecordedRequest request) {
        Body body = request.body();
        if (body == null) {
            return null;
        }
        if (body instanceof Body.Json json) {
            return CanonicalRequest.normalize(
                    json.value(),
                    request.normalizers().stream().map(RequestNormalizer::parse).toList());
        }
        return StringNode.valueOf(new String(BodyCodec.decode(body), java.nio.charset.StandardCharsets.UTF_8));
    }
}
