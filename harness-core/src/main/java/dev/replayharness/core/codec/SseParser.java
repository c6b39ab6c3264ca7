package dev.replayharness.core.codec;

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
    public record Block(List<Field> fields, long arrivedNanos) {}

    /** A field line. {@code name} is empty for a comment ({@code ": text"}). */
    public record Field(String name, String value) {}

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Field> fields = new ArrayList<>();
    private final List<Block> completed = new ArrayList<>();
    private boolean lastWasCr;
    private boolean endedMidEvent;

    /**
     * Feeds bytes; returns the blocks completed by them. Each line's bytes are appended as one range
     * (the buffer is synchronized: a write per byte was most of the parse).
     */
    public List<Block> feed(byte[] bytes, int offset, int length, long nowNanos) {
        completed.clear();
        int end = offset + length;
        int start = offset; // the first byte of the line not yet appended
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                lastWasCr = false;
                continue;
            }
            line.write(bytes, start, i - start);
            start = i + 1;
            if (b == '\n' && lastWasCr) {
                lastWasCr = false; // the LF of a CRLF: the line already ended at the CR
                continue;
            }
            lastWasCr = b == '\r';
            endLine(nowNanos);
        }
        line.write(bytes, start, end - start);
        return completed.isEmpty() ? List.of() : List.copyOf(completed);
    }

    /**
     * Ends the stream: a final block without its blank line still comes out (nothing is lost), and
     * {@link #endedMidEvent()} says so.
     */
    public List<Block> finish(long nowNanos) {
        completed.clear();
        if (line.size() > 0) {
            endLine(nowNanos);
        }
        if (!fields.isEmpty()) {
            completed.add(new Block(List.copyOf(fields), nowNanos));
            fields.clear();
            endedMidEvent = true;
        }
        return List.copyOf(completed);
    }

    /** Whether {@link #finish} found the last block unterminated: the stream ended inside an event. */
    public boolean endedMidEvent() {
        return endedMidEvent;
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
