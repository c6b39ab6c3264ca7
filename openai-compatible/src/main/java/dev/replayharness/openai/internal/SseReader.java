package dev.replayharness.openai.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses a {@code text/event-stream} as the WHATWG HTML spec says: lines end in CRLF, LF or CR;
 * a blank line dispatches; {@code :} starts a comment; one space after the colon is dropped;
 * several {@code data:} lines join with {@code \n}; an event without data is not dispatched;
 * an unterminated event at end of input is discarded. {@code retry:} is ignored (no reconnects).
 * Reads lazily, so events are returned as soon as their blank line arrives.
 */
public final class SseReader implements AutoCloseable {

    private final BufferedReader reader;
    private boolean firstLine = true;
    private String lastId;

    public SseReader(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next event, or empty at end of input. */
    public Optional<SseEvent> next() throws IOException {
        StringBuilder data = null;
        String type = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (firstLine) {
                firstLine = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (data != null) {
                    data.setLength(data.length() - 1); // the trailing \n added by the last data line
                    return Optional.of(new SseEvent(type == null ? "message" : type, data.toString(), lastId));
                }
                type = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" ->
                    data = (data == null ? new StringBuilder() : data)
                            .append(value)
                            .append('\n');
                case "event" -> type = value;
                case "id" -> lastId = value.indexOf('\0') < 0 ? value : lastId;
                default -> {} // "retry" and unknown fields are ignored, as the spec says
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
