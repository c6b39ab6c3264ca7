package dev.replayharness.core.fault;

import java.nio.charset.StandardCharsets;

/** A recorded event with invalid JSON in place of each {@code data:} line's value. */
final class MalformedEvent {
    private MalformedEvent() {}

    /**
     * Cuts each {@code data:} value to its first half, which no JSON object or array survives; a chunk without a
     * {@code data:} line (a plain JSON body) is cut the same way.
     */
    static byte[] of(byte[] chunk) {
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
        // A value such as [DONE] is not JSON to begin with: give it an unclosed object instead.
        return json.startsWith("{") || json.startsWith("[") ? json.substring(0, Math.max(1, json.length() / 2)) : "{\"";
    }
}
