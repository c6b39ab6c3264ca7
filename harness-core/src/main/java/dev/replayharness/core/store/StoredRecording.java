package dev.replayharness.core.store;

import java.nio.file.Path;

import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * A recording found in a store, verified against its key, its response already in wire form.
 *
 * @param location where it is stored
 * @param key the key its request hashes to
 * @param rendered its response in wire form
 */
public record StoredRecording(Path location, RecordingKey key, ReplayRenderer.Rendered rendered) {

    /** The response one replay hands out (its own copy of the chunks). */
    public ReplayedResponse response(boolean replayTiming) {
        return rendered.response(location, replayTiming);
    }
}
