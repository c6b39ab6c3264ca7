package dev.replayharness.core.key;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The raw path and query of a URL, as {@link URI} parses them. A suite calls a handful of URLs over and
 * over, and parsing one was a tenth of a cached replay, so the last few hundred are remembered (by their
 * exact text, so the answer is the parser's own; an invalid URL is never remembered and throws as
 * {@link URI#create} does).
 */
record PathAndQuery(String rawPath, String rawQuery) {
    private static final int REMEMBERED = 256;
    private static final ConcurrentHashMap<String, PathAndQuery> PARSED = new ConcurrentHashMap<>();

    static PathAndQuery of(String url) {
        PathAndQuery parts = PARSED.get(url);
        if (parts == null) {
            URI uri = URI.create(url);
            parts = new PathAndQuery(uri.getRawPath(), uri.getRawQuery());
            if (PARSED.size() >= REMEMBERED) {
                PARSED.clear(); // bounded: a suite with more distinct URLs just parses more often
            }
            PARSED.put(url, parts);
        }
        return parts;
    }
}
