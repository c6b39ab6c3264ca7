package dev.replayharness.llamastack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFiles;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.FileRecordingStore;

/** Decides each exchange's scope and target, and finds what collides. */
record ImportPlanner(Path directory, ImportScope scope, List<RecordingFormatException> problems) {
    ImportPlan plan(List<LlamaStackFile.Exchange> exchanges, List<LlamaStackImporter.Skipped> skipped) {
        Map<RecordingKey, List<LlamaStackFile.Exchange>> byRequest = new LinkedHashMap<>();
        for (LlamaStackFile.Exchange e : exchanges) {
            byRequest
                    .computeIfAbsent(
                            CanonicalRequest.of(e.recording().request(), null).key(), k -> new ArrayList<>())
                    .add(e);
        }
        List<LlamaStackImporter.Imported> imported = new ArrayList<>();
        Map<Path, Recording> recordings = new LinkedHashMap<>();
        Map<RecordingKey, Path> taken = new LinkedHashMap<>();
        for (LlamaStackFile.Exchange e : exchanges) {
            List<LlamaStackFile.Exchange> sameRequest = byRequest.get(
                    CanonicalRequest.of(e.recording().request(), null).key());
            String testId = testIdFor(e, sameRequest);
            if (testId == null && scopedAway(e, sameRequest)) {
                continue; // reported
            }
            Recording recording = withTestId(e.recording(), testId);
            RecordingKey key = CanonicalRequest.of(recording.request(), testId).key();
            Path earlier = taken.putIfAbsent(key, e.file());
            if (earlier != null) {
                problems.add(new RecordingFormatException(
                        e.file(),
                        "makes the same request as " + earlier + " under the same "
                                + (testId == null ? "(shared) key" : "test id '" + testId + "'")
                                + ", so one answer would replace the "
                                + "other. Import one of them."));
                continue;
            }
            Path target = FileRecordingStore.inFolder(directory).locate(key, 1); // the store names recordings
            if (differs(target, recording)) {
                problems.add(new RecordingFormatException(
                        e.file(),
                        "would be written to " + target + ", which already holds "
                                + "a different recording. Delete that file, or import into another folder."));
                continue;
            }
            recordings.put(target, recording);
            imported.add(new LlamaStackImporter.Imported(e.file(), target, key, testId));
        }
        return new ImportPlan(imported, skipped, recordings);
    }

    /** Null for a shared recording. */
    private String testIdFor(LlamaStackFile.Exchange e, List<LlamaStackFile.Exchange> sameRequest) {
        boolean scoped = switch (scope) {
            case SHARED -> false;
            case TEST -> true;
            case AUTO -> sameRequest.size() > 1;
        };
        return scoped && e.nodeId() != null ? LlamaStackImporter.testId(e.nodeId()) : null;
    }

    /** Whether a file that stays shared must be refused because another file of this import makes its request. */
    private boolean scopedAway(LlamaStackFile.Exchange e, List<LlamaStackFile.Exchange> sameRequest) {
        if (sameRequest.size() < 2 || scope == ImportScope.TEST) {
            return false; // with TEST, two files without test_id meet in 'taken'
        }
        LlamaStackFile.Exchange other = sameRequest.get(0) == e ? sameRequest.get(1) : sameRequest.get(0);
        String why = scope == ImportScope.SHARED
                ? "with scope shared only one of them can be imported; the default scope (auto) imports both, test-scoped"
                : "it has no 'test_id' to tell their answers apart; remove one of them";
        problems.add(
                new RecordingFormatException(e.file(), "makes the same request as " + other.file() + ": " + why + "."));
        return true;
    }

    private static Recording withTestId(Recording r, String testId) {
        return new Recording(r.format(), testId, r.source(), r.request(), r.response());
    }

    private static boolean differs(Path target, Recording recording) {
        try {
            return Files.exists(target)
                    && !Arrays.equals(
                            Files.readAllBytes(target),
                            RecordingFiles.toJson(recording).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + target + ": " + e.getMessage(), e);
        }
    }
}
