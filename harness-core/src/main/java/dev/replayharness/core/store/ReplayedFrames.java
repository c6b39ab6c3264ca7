package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.replayharness.core.codec.EventStreamBodies;
import dev.replayharness.core.eventstream.EventStreamCodec;
import dev.replayharness.core.eventstream.EventStreamException;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.EventFrame;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;

/**
 * Replays an AWS event stream one frame per chunk, encoded with valid CRCs: from readable frames, or from the base64
 * body older recordings kept (checked frame by frame, so a damaged one fails naming the file and the frame instead of
 * reaching the client as a short stream).
 */
final class ReplayedFrames {
    private ReplayedFrames() {}

    /** A base64 body of an event stream, as recordings made before the readable frames kept it. */
    static boolean isLegacy(Recording recording) {
        return recording.response().body() instanceof Body.Binary
                && EventStreamCodec.isEventStream(
                        recording.response().headers().first("content-type").orElse(null));
    }

    static void render(Recording recording, Path file, List<byte[]> chunks, List<Long> delays) {
        try {
            if (recording.response().body() instanceof Body.Frames frames) {
                chunks.addAll(EventStreamBodies.encode(frames, "response.body.frames"));
                long previous = 0;
                for (EventFrame frame : frames.frames()) {
                    long offset = frame.offsetMs() == null ? previous : frame.offsetMs();
                    delays.add(Math.max(0, offset - previous));
                    previous = offset;
                }
                return;
            }
            byte[] bytes = ((Body.Binary) recording.response().body()).bytes();
            EventStreamCodec.Reading reading = EventStreamCodec.read(bytes, "response.body.base64");
            if (reading.fault() != null && recording.response().complete()) {
                throw reading.fault();
            }
            int start = 0;
            for (int end : reading.ends()) {
                chunks.add(Arrays.copyOfRange(bytes, start, end));
                start = end;
            }
            if (start < bytes.length) { // the frame the recorded interruption cut, sent as it came
                chunks.add(Arrays.copyOfRange(bytes, start, bytes.length));
            }
            chunks.forEach(c -> delays.add(0L));
        } catch (EventStreamException e) {
            throw new RecordingFormatException(
                    file == null ? Path.of("(in memory)") : file,
                    lowerFirst(e.getMessage()) + ". Fix that frame, or delete the file and re-record.",
                    e);
        }
    }

    private static String lowerFirst(String message) {
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
