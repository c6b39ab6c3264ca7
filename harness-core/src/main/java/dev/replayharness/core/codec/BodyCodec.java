package dev.replayharness.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.replayharness.core.json.Json;
import dev.replayharness.core.recording.Body;

import tools.jackson.databind.JsonNode;

/** Turns body bytes into a recorded {@link Body} (JSON, else UTF-8 text, else bytes) and back. */
public final class BodyCodec {
    private BodyCodec() {}

    /**
     * The recorded form of {@code bytes}: JSON when they parse as JSON (whatever the content type),
     * else text when they are valid UTF-8 without NUL, else binary. {@code json} rewrites a JSON
     * value (normalizers, redaction); {@code text} rewrites text (redaction). Binary is kept as is.
     */
    public static Body encode(byte[] bytes, UnaryOperator<JsonNode> json, UnaryOperator<String> text) {
        if (bytes.length == 0) {
            return null;
        }
        Optional<JsonNode> parsed = Json.tryParse(bytes);
        if (parsed.isPresent()) {
            return new Body.Json(json.apply(parsed.get()));
        }
        return utf8(bytes).<Body>map(s -> new Body.Text(text.apply(s))).orElseGet(() -> new Body.Binary(bytes));
    }

    /** The bytes a recorded body replays as: JSON compact with its recorded key order. */
    public static byte[] decode(Body body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof Body.Json json) {
            return Json.compact(json.value());
        }
        if (body instanceof Body.Text text) {
            return text.text().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof Body.Binary binary) {
            return binary.bytes();
        }
        if (body instanceof Body.Frames frames) {
            return EventStreamBodies.bytes(frames, "a recorded body");
        }
        return SseCodec.render(((Body.EventStream) body).events());
    }

    /** The text, when {@code bytes} are valid UTF-8 without NUL characters. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
