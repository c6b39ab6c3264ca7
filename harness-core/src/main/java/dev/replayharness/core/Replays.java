package dev.replayharness.core;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.RecordingStore;
import dev.replayharness.core.store.StoredRecording;

/**
 * Finds the recording that answers a session's request: its test-scoped recording, else its shared one,
 * else (with {@link RepeatPolicy#REUSE_LAST}) the one last replayed for the same request. Thread-safe.
 */
final class Replays {
    private final RecordingStore store;
    private final RepeatPolicy repeatPolicy;
    private final String testId;
    /** Per request (its primary key), the key and occurrence last replayed. */
    private final Map<String, RecordingKey.Named> lastReplayed = new ConcurrentHashMap<>();

    public Replays(RecordingStore store, RepeatPolicy repeatPolicy, String testId) {
        this.store = store;
        this.repeatPolicy = repeatPolicy;
        this.testId = testId;
    }

    /** The recording for the {@code occurrence}-th identical {@code request}, if any. */
    public Optional<StoredRecording> find(KeyedRequest request, int occurrence) {
        String primary = request.primary().key().hex();
        for (CanonicalRequest form : request.lookupOrder()) {
            Optional<StoredRecording> found = store.find(
                    form.key(), occurrence, request.recorded(), form == request.testScoped() ? testId : null);
            if (found.isPresent()) {
                lastReplayed.put(primary, new RecordingKey.Named(form.key(), occurrence));
                return found;
            }
        }
        RecordingKey.Named last = lastReplayed.get(primary);
        if (repeatPolicy == RepeatPolicy.REUSE_LAST && last != null) {
            return Optional.of(store.find(last.key(), last.occurrence(), null, null)
                    .orElseThrow(() -> new RecordingFormatException(
                            store.locate(last.key(), last.occurrence()), "does not exist.")));
        }
        return Optional.empty();
    }
}
