package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;

/**
 * Recordings held in memory, under the same names a {@link FileRecordingStore} would give them (below
 * {@code memory/<namespace>/}): for tests of the engine, and to prove that nothing above the store
 * depends on files. Recordings are verified against their key on every lookup, as files are.
 */
public final class InMemoryRecordingStore implements RecordingStore {
    private final String namespace;
    private final Path location;
    private final Map<Path, Recording> recordings = new ConcurrentSkipListMap<>();

    public InMemoryRecordingStore(String namespace) {
        this.namespace = namespace;
        this.location = Path.of("memory", namespace);
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public Path locate(RecordingKey key, int occurrence) {
        return location.resolve(key.fileName(occurrence));
    }

    @Override
    public Optional<StoredRecording> find(RecordingKey key, int occurrence, RecordedRequest sent, String sentTestId) {
        Path at = locate(key, occurrence);
        return Optional.ofNullable(recordings.get(at)).map(r -> RecordingChecks.verified(at, key, r, sent, sentTestId));
    }

    @Override
    public List<NearMiss> nearest(KeyedRequest request, String testId, int limit) {
        return NearestSearch.rank(
                recordings.entrySet().stream()
                        .map(e -> NearestSearch.Indexed.of(e.getKey(), e.getValue()))
                        .toList(),
                request,
                testId,
                limit);
    }

    @Override
    public Optional<String> absence() {
        return Optional.empty(); // always there, if perhaps empty
    }

    @Override
    public Path save(RecordingKey key, int occurrence, Recording recording) {
        Path at = locate(key, occurrence);
        recordings.put(at, recording);
        return at;
    }

    /** Stores a recording under {@code name} (a recording file name), as a hand-edited or renamed file would be. */
    public void put(String name, Recording recording) {
        recordings.put(location.resolve(name), recording);
    }

    /** The recordings held, by location. */
    public Map<Path, Recording> recordings() {
        return Map.copyOf(recordings);
    }
}
