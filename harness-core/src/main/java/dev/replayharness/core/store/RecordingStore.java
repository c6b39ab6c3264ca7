package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;

/**
 * Where the recordings of one namespace live, and the only type that knows how they are found, read
 * and written (in the shape of WireMock's {@code Store}). The engine asks it for the recording of a
 * key and occurrence, for the nearest recordings when there is none, and stages new recordings in a
 * {@link RecordingBatch} that it commits or discards. Nothing else resolves recording paths.
 *
 * <p>{@link FileRecordingStore} keeps recordings as files ({@code <recordings>/<namespace>/<key>[-<n>].json});
 * {@link InMemoryRecordingStore} keeps them in memory. Implementations are thread-safe.
 */
public interface RecordingStore {

    /** The namespace this store holds. */
    String namespace();

    /** Where this store keeps its recordings, for messages. */
    Path location();

    /**
     * Where the {@code occurrence}-th recording of {@code key} is or would be: the path that replayed
     * responses, {@link dev.replayharness.core.RecordingUse}s and messages name.
     */
    Path locate(RecordingKey key, int occurrence);

    /**
     * The {@code occurrence}-th recording of {@code key}, checked against the key (a renamed or edited
     * recording fails instead of answering).
     *
     * @param sent the request {@code key} was computed from, or {@code null}: a stored request equal to it,
     *     value for value, with the same test identity, has that key without hashing it again
     * @param sentTestId the test identity {@code key} was computed with, or {@code null}
     * @throws dev.replayharness.core.recording.RecordingFormatException when the recording is damaged or misnamed
     */
    Optional<StoredRecording> find(RecordingKey key, int occurrence, RecordedRequest sent, String sentTestId);

    /**
     * The recordings of the same endpoint as {@code request} nearest to it, for a replay miss: those of
     * {@code testId} first, then by fewest body differences. Recordings that cannot be read are left out
     * (replay and verify report them).
     */
    List<NearMiss> nearest(KeyedRequest request, String testId, int limit);

    /** Why this store holds no recording at all (say, its folder does not exist or is a file), if so. */
    Optional<String> absence();

    /** Writes a recording now (atomically, for files), replacing any with the same key and occurrence. */
    Path save(RecordingKey key, int occurrence, Recording recording);

    /** A batch for one session's new recordings: staged as their bodies end, then committed or discarded. */
    default RecordingBatch batch() {
        return new RecordingBatch(this);
    }
}
