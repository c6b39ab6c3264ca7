package dev.replayharness.awssdk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a replayed {@code application/vnd.amazon.eventstream} body at its frame boundaries (each frame starts with its
 * total length), so the SDK gets one frame per buffer as it would from the network. It matters: the SDK drops the
 * events that share a buffer with a later exception frame, so a stream that failed mid-way would replay without the
 * frames before the failure. Only the boundaries are read here; the SDK's decoder checks the CRCs.
 *
 * @param chunks the frames (a malformed tail is kept whole, for the SDK to reject)
 * @param delaysMs each frame's delay: the delay of the recorded chunk it starts in, for the first frame starting there
 */
record EventStreamFrames(List<byte[]> chunks, List<Long> delaysMs) {
    private static final int PRELUDE = 12;

    static boolean applies(String contentType) {
        return contentType != null
                && contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/vnd.amazon.eventstream");
    }

    static EventStreamFrames split(List<byte[]> recorded, List<Long> recordedDelays) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Integer> starts = new ArrayList<>();
        for (byte[] chunk : recorded) {
            starts.add(all.size());
            all.writeBytes(chunk);
        }
        byte[] body = all.toByteArray();
        List<byte[]> frames = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        int position = 0;
        int chunk = 0;
        while (position < body.length) {
            int remaining = body.length - position;
            int length =
                    remaining >= PRELUDE ? ByteBuffer.wrap(body, position, 4).getInt() : -1;
            int take = length >= PRELUDE && length <= remaining ? length : remaining;
            long delay = 0;
            while (chunk < starts.size() && starts.get(chunk) <= position) {
                delay = Math.max(delay, recordedDelays.get(chunk++));
            }
            byte[] frame = new byte[take];
            System.arraycopy(body, position, frame, 0, take);
            frames.add(frame);
            delays.add(delay);
            position += take;
        }
        return new EventStreamFrames(frames, delays);
    }
}
