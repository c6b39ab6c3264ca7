package dev.replayharness.core.fault;

import java.nio.charset.StandardCharsets;

/**
 * A recorded event made unreadable: a server-sent event with invalid JSON in place of each {@code data:} line's
 * value, an AWS event-stream frame truncated.
 */
final class MalformedEvent {
    private MalformedEvent() {}

    /**
     * Cuts each {@code data:} value to its first half, which no JSON object or array survives; a chunk without a
     * {@code data:} line (a plain JSON body) is cut the same way.
     */
    static byte[] of(byte[] chunk, boolean awsEventStream) {
        if (awsEventStream) {
            return java.util.Arrays.copyOf(chunk, chunk.length / 2); // its prelude promises bytes that do not come
        }
        String text = new String(chunk, StandardCharsets.UTF_8);
        if (!text.contains("data:")) {
            return truncated(text.strip()).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("data:")) {
                out.append("data: ").append(truncated(line.substring(5).strip()));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String truncated(String json) {
        // Half an object or array (even [DONE]) is never JSON; any other value becomes an unclosed object.
        return json.startsWith("{") || json.startsWith("[") ? json.substring(0, Math.max(1, json.length() / 2)) : "{\"";
    }
}
