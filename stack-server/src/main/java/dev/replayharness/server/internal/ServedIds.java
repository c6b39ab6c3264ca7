package dev.replayharness.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The id of each completion the server serves. A replayed recording repeats its recorded id, so
 * three identical requests would store one row three times; like Llama Stack's recorder, which
 * counts per test, each served completion gets {@code <recorded id>-<n>} instead, where {@code n}
 * counts the completions served so far in this run to the same test (the
 * {@value StackHandler#TEST_HEADER} header; without it, the shared context). A test's id also
 * carries a short hash of the test's name, so that two tests replaying one recording do not collide.
 * The same requests in the same order get the same ids in every run; the recording itself is not
 * changed.
 */
final class ServedIds {

    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    /**
     * The id to serve the next completion of {@code testId} (null: no test) whose provider id is
     * {@code providerId}; null when the provider gave none (such a completion is refused, not counted).
     */
    String next(String testId, String providerId) {
        if (providerId == null) {
            return null;
        }
        String context = testId == null ? "" : testId;
        int n = counters.computeIfAbsent(context, c -> new AtomicInteger()).incrementAndGet();
        return providerId + "-" + (testId == null ? "" : shortHash(testId) + "-") + n;
    }

    private static String shortHash(String testId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(testId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
