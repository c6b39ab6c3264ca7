package dev.replayharness.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.json.Json;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.redact.Redactor;
import dev.replayharness.core.store.NearMiss;
import dev.replayharness.core.store.RecordingStore;

/** Builds the replay-miss failure: what was asked, where we looked, what is nearest, how to record it. */
final class MissReport {
    private static final int NEAREST = 3;
    private static final int DIFFERENCES_SHOWN = 8;
    private static final int MAX_REQUEST_CHARS = 4000;

    private MissReport() {}

    /**
     * @param store where the nearest recordings come from
     * @param recordCommand the command that records the missing one, given the test id
     */
    public static ReplayMissError build(
            RecordingStore store,
            java.util.function.Function<String, String> recordCommand,
            KeyedRequest request,
            String testId,
            int occurrence,
            List<Path> lookedFor,
            Redactor redactor) {
        StringBuilder message = new StringBuilder();
        message.append("Replay Harness: no recording for this request (mode replay, namespace '")
                .append(store.namespace())
                .append("'")
                .append(testId == null ? "" : ", test '" + testId + "'")
                .append(").\n");
        message.append("Request: ")
                .append(request.recorded().method())
                .append(' ')
                .append(request.path())
                .append('\n');
        message.append("Canonical form (redacted): ")
                .append(truncate(request.primary().json()))
                .append('\n');
        if (occurrence > 1) {
            message.append("This is identical request #")
                    .append(occurrence)
                    .append(" in this test; only ")
                    .append(occurrence - 1)
                    .append(" recorded. Re-record, or use repeat policy REUSE_LAST to replay the last one again.\n");
        }
        message.append("Looked for:\n");
        lookedFor.forEach(p -> message.append("  ").append(p.toAbsolutePath()).append('\n'));
        List<NearMiss> nearest = store.nearest(request, testId, NEAREST);
        appendNearest(message, store, request, testId, nearest);
        message.append("To record it: ").append(recordCommand.apply(testId)).append('\n');
        String text = redactor.redact(message.toString());
        if (nearest.isEmpty()) {
            return new ReplayMissError(text);
        }
        return new ReplayMissError(text, Json.pretty(nearest.get(0).body()), Json.pretty(wantedBody(request)));
    }

    private static void appendNearest(
            StringBuilder message, RecordingStore store, KeyedRequest request, String testId, List<NearMiss> nearest) {
        Optional<String> absence = store.absence();
        if (absence.isPresent()) {
            message.append("Nearest recordings: none; ").append(absence.get()).append(".\n");
            return;
        }
        if (nearest.isEmpty()) {
            message.append("Nearest recordings: none; no recording in ")
                    .append(store.location().toAbsolutePath())
                    .append(" is a ")
                    .append(request.recorded().method())
                    .append(' ')
                    .append(request.path())
                    .append(".\n");
            return;
        }
        message.append("Nearest recordings (same endpoint):\n");
        for (NearMiss c : nearest) {
            String owner = c.testId() == null ? "shared" : c.sameTest() ? "same test" : "other test: " + c.testId();
            message.append("  ")
                    .append(c.location().toAbsolutePath())
                    .append(" (")
                    .append(owner)
                    .append("), ")
                    .append(c.differences().size())
                    .append(c.differences().size() == 1 ? " difference" : " differences")
                    .append(
                            c.differences().isEmpty()
                                    ? " in the body (" + sameBodyReason(c, request, testId) + ")"
                                    : "")
                    .append('\n');
            c.differences().stream()
                    .limit(DIFFERENCES_SHOWN)
                    .forEach(d -> message.append("    ").append(d).append('\n'));
            if (c.differences().size() > DIFFERENCES_SHOWN) {
                message.append("    … and ")
                        .append(c.differences().size() - DIFFERENCES_SHOWN)
                        .append(" more\n");
            }
        }
    }

    /**
     * Why a recording of the same endpoint and body does not answer: it is this very request's recording for
     * another occurrence; else every part of the key that differs (query, normalizers, test).
     */
    private static String sameBodyReason(NearMiss c, KeyedRequest request, String testId) {
        RecordingKey.Named named = RecordingKey.parseFileName(
                        c.location().getFileName().toString())
                .orElse(null);
        if (named != null
                && (named.key().equals(request.shared().key())
                        || request.testScoped() != null
                                && named.key().equals(request.testScoped().key()))) {
            return "it is this request's recording #" + named.occurrence();
        }
        List<String> reasons = new ArrayList<>();
        String recordedQuery = URI.create(c.request().url()).getRawQuery();
        String sentQuery = URI.create(request.recorded().url()).getRawQuery();
        if (!CanonicalRequest.queryPairs(recordedQuery).equals(CanonicalRequest.queryPairs(sentQuery))) {
            reasons.add("the query differs: this request has " + (sentQuery == null ? "none" : "'" + sentQuery + "'")
                    + ", the recording has " + (recordedQuery == null ? "none" : "'" + recordedQuery + "'"));
        }
        List<String> recordedNormalizers = c.request().normalizers();
        if (!recordedNormalizers.equals(request.recorded().normalizers())) {
            reasons.add("the request normalizers differ: this request has "
                    + request.recorded().normalizers() + ", the recording has " + recordedNormalizers);
        }
        if (c.testId() != null && !c.testId().equals(testId)) {
            reasons.add("the test identity differs");
        }
        return reasons.isEmpty() ? "the canonical forms differ" : String.join("; ", reasons);
    }

    /** This request's body as the key sees it, as the nearest recording's is shown. */
    private static tools.jackson.databind.JsonNode wantedBody(KeyedRequest request) {
        return dev.replayharness.core.store.NearMiss.keyedBody(request.recorded());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REQUEST_CHARS
                ? text
                : text.substring(0, MAX_REQUEST_CHARS) + "… (" + text.length() + " characters)";
    }
}
