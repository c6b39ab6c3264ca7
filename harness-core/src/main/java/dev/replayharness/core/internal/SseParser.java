package dev.replayharness.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental parser for {@code text/event-stream} (WHATWG HTML, "Server-sent events"). Bytes go in
 * as they arrive; each completed event (or comment block) comes out with the time its last byte
 * arrived. Line ends may be LF, CRLF or CR.
 */
public final class SseParser {

    /** One parsed block: its fields in wire order, and when its terminating blank line arrived. */
    public record Block(List<Field> fields, long arrivedNanos) {
    }

    /** A field line. {@code name} is empty for a comment ({@code ": text"}). */
    public record Field(String name, String value) {
    }

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Field> fields = new ArrayList<>();
    private final List<Block> completed = new ArrayList<>();
    private boolean lastWasCr;

    /** Feeds bytes; returns the blocks completed by them. */
    public List<Block> feed(byte[] bytes, int offset, int length, long nowNanos) {
        completed.clear();
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(nowNanos);
            } else {
                line.write(b);
            }
        }
        return List.copyOf(completed);
    }

    /** Ends the stream: a final block without its blank line still counts. */
    public List<Block> finish(long nowNanos) {
        completed.clear();
        if (line.size() > 0) {
            endLine(nowNanos);
        }
        if (!fields.isEmpty()) {
            completed.add(new Block(List.copyOf(fields), nowNanos));
            fields.clear();
        }
        return List.copyOf(completed);
    }

    private void endLine(long nowNanos) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (!fields.isEmpty()) {
                completed.add(new Block(List.copyOf(fields), nowNanos));
                fields.clear();
            }
            return;
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        fields.add(new Field(name, value));
    }
}
