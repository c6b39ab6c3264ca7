package dev.replayharness.core.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.replayharness.core.RecordingFormatException;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.RecordingKey;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Builds the replay-miss failure: what was asked, where we looked, what is nearest, how to record it. */
public final class MissReport {
    private static final int NEAREST = 3;
    private static final int DIFFERENCES_SHOWN = 8;
    private static final int MAX_REQUEST_CHARS = 4000;

    private MissReport() {
    }

    private record Candidate(Path file, Recording recording, boolean sameTest, List<JsonDiff.Difference> differences) {
    }

    public static ReplayMissError build(Settings settings, RequestPreparer.Prepared request, String testId,
            int occurrence, List<Path> lookedFor, Redactor redactor) {
        StringBuilder message = new StringBuilder();
        message.append("Replay Harness: no recording for this request (mode replay, namespace '")
                .append(settings.namespace()).append("'").append(testId == null ? "" : ", test '" + testId + "'")
                .append(").\n");
        message.append("Request: ").append(request.recorded().method()).append(' ').append(request.path()).append('\n');
        message.append("Canonical form (redacted): ").append(truncate(request.primary().json())).append('\n');
        if (occurrence > 1) {
            message.append("This is identical request #").append(occurrence).append(" in this test; only ")
                    .append(occurrence - 1).append(" recorded. Re-record, or use repeat policy REUSE_LAST to replay the last one again.\n");
        }
        message.append("Looked for:\n");
        lookedFor.forEach(p -> message.append("  ").append(p.toAbsolutePath()).append('\n'));
        List<Candidate> nearest = nearest(settings.namespaceDirectory(), request, testId);
        appendNearest(message, settings.namespaceDirectory(), request, testId, nearest);
        message.append("To record it: ").append(settings.recordCommand().apply(testId)).append('\n');
        String text = redactor.redact(message.toString());
        if (nearest.isEmpty()) {
            return new ReplayMissError(text);
        }
        return new ReplayMissError(text, Json.pretty(bodyTree(nearest.get(0).recording().request())),
                Json.pretty(bodyTree(request.recorded())));
    }

    private static void appendNearest(StringBuilder message, Path directory, RequestPreparer.Prepared request,
            String testId, List<Candidate> nearest) {
        if (!Files.isDirectory(directory)) {
            Path existing = directory.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) { // not missing: in the way
                message.append("Nearest recordings: none; ").append(existing).append(" is a file, not a folder: point"
                        + " harness.recordings-dir (Harness.Builder.recordingsDirectory) at the recordings folder.\n");
                return;
            }
            message.append("Nearest recordings: none; ").append(directory.toAbsolutePath())
                    .append(" does not exist (check harness.recordings-dir and the namespace).\n");
            return;
        }
        if (nearest.isEmpty()) {
            message.append("Nearest recordings: none; no recording in ").append(directory.toAbsolutePath())
                    .append(" is a ").append(request.recorded().method()).append(' ').append(request.path()).append(".\n");
            return;
        }
        message.append("Nearest recordings (same endpoint):\n");
        for (Candidate c : nearest) {
            String owner = c.recording().testId() == null ? "shared" : c.sameTest() ? "same test" : "other test: " + c.recording().testId();
            message.append("  ").append(c.file().toAbsolutePath()).append(" (").append(owner).append("), ")
                    .append(c.differences().size()).append(c.differences().size() == 1 ? " difference" : " differences")
                    .append(c.differences().isEmpty() ? " in the body (" + sameBodyReason(c, request, testId) + ")" : "").append('\n');
            c.differences().stream().limit(DIFFERENCES_SHOWN).forEach(d -> message.append("    ").append(d).append('\n'));
            if (c.differences().size() > DIFFERENCES_SHOWN) {
                message.append("    … and ").append(c.differences().size() - DIFFERENCES_SHOWN).append(" more\n");
            }
        }
    }

    /**
     * Why a recording of the same endpoint and body does not answer: it is this very request's recording for
     * another occurrence; else every part of the key that differs (query, normalizers, test).
     */
    private static String sameBodyReason(Candidate c, RequestPreparer.Prepared request, String testId) {
        RecordingKey.Named named = RecordingKey.parseFileName(c.file().getFileName().toString()).orElse(null);
        if (named != null && (named.key().equals(request.shared().key())
                || request.testScoped() != null && named.key().equals(request.testScoped().key()))) {
            return "it is this request's recording #" + named.occurrence();
        }
        List<String> reasons = new ArrayList<>();
        String recordedQuery = URI.create(c.recording().request().url()).getRawQuery();
        String sentQuery = URI.create(request.recorded().url()).getRawQuery();
        if (!CanonicalRequest.queryPairs(recordedQuery).equals(CanonicalRequest.queryPairs(sentQuery))) {
            reasons.add("the query differs: this request has " + (sentQuery == null ? "none" : "'" + sentQuery + "'")
                    + ", the recording has " + (recordedQuery == null ? "none" : "'" + recordedQuery + "'"));
        }
        List<String> recordedNormalizers = c.recording().request().normalizers();
        if (!recordedNormalizers.equals(request.recorded().normalizers())) {
            reasons.add("the request normalizers differ: this request has " + request.recorded().normalizers()
                    + ", the recording has " + recordedNormalizers);
        }
        if (c.recording().testId() != null && !c.recording().testId().equals(testId)) {
            reasons.add("the test identity differs");
        }
        return reasons.isEmpty() ? "the canonical forms differ" : String.join("; ", reasons);
    }

    private static List<Candidate> nearest(Path directory, RequestPreparer.Prepared request, String testId) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        JsonNode wanted = bodyTree(request.recorded());
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> RecordingKey.parseFileName(f.getFileName().toString()).isPresent()).forEach(file -> {
                try {
                    Recording recording = RecordingFiles.read(file);
                    RecordedRequest r = recording.request();
                    if (r.method().equals(request.recorded().method()) && request.path().equals(URI.create(r.url()).getRawPath())) {
                        candidates.add(new Candidate(file, recording, testId != null && testId.equals(recording.testId()),
                                JsonDiff.diff(wanted, bodyTree(r))));
                    }
                } catch (RecordingFormatException | IllegalArgumentException e) {
                    // an unreadable file is reported when it is replayed or verified, not here
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.sameTest()).thenComparingInt(c -> c.differences().size())
                .thenComparing(c -> c.file().getFileName().toString()));
        return candidates.subList(0, Math.min(NEAREST, candidates.size()));
    }

    /** The body as the key sees it (normalized), for diffing; non-JSON bodies as a string. */
    private static JsonNode bodyTree(RecordedRequest request) {
        Body body = request.body();
        if (body == null) {
            return null;
        }
        if (body instanceof Body.Json json) {
            return CanonicalRequest.normalize(json.value(),
                    request.normalizers().stream().map(dev.replayharness.core.normalize.RequestNormalizer::parse).toList());
        }
        return StringNode.valueOf(new String(BodyCodec.decode(body), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REQUEST_CHARS ? text : text.substring(0, MAX_REQUEST_CHARS) + "… ("
                + text.length() + " characters)";
    }
}
