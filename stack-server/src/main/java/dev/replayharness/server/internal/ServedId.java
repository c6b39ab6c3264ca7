package dev.replayharness.server.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streamed completion's id as served ({@link ServedIds}) in place of the provider's, put into each
 * chunk's text without re-serializing it, so every other byte the provider sent stays as it was.
 */
final class ServedId {

    private final String served;
    private final Pattern field;

    ServedId(String provider, String served) {
        this.served = served;
        this.field = provider == null
                ? null
                : Pattern.compile("(\"id\"\\s*:\\s*)\"" + Pattern.quote(escaped(provider)) + "\"");
    }

    String served() {
        return served;
    }

    /** {@code chunk} with its first {@code "id": "<provider id>"} field holding the served id. */
    String in(String chunk) {
        Matcher id = field == null ? null : field.matcher(chunk);
        if (id == null || !id.find()) {
            return chunk;
        }
        return chunk.substring(0, id.start()) + id.group(1) + '"' + escaped(served) + '"' + chunk.substring(id.end());
    }

    /** Ids are plain ASCII in practice; a quote or backslash is escaped as JSON writes it. */
    private static String escaped(String id) {
        return id.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
