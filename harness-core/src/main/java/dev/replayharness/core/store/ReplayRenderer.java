package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.codec.SseCodec;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.SseEvent;
import dev.replayharness.core.replay.ReplayedResponse;

/** Rebuilds a response from a recording: one chunk per server-sent event or event-stream frame, else one chunk. */
public final class ReplayRenderer {
    private ReplayRenderer() {}

    private static String describe(Interruption interruption) {
        return switch (interruption.kind()) {
            case UPSTREAM_ERROR -> "Upstream failed mid-response when this was recorded: " + interruption.message();
            case TRUNCATED ->
                "The recording ends here: " + interruption.message()
                        + ". Re-record with a test that reads the whole body, or raise the drain limit";
            case UNTERMINATED_EVENT -> null; // the body ended normally, as it did upstream: no read fails
        };
    }

    /**
     * A recording's response in wire form, rendered once: what {@link RecordingCache} keeps, so that
     * replaying a cached recording neither parses nor serializes anything. Immutable: {@link #response}
     * hands each replay its own copy of the chunks.
     *
     * @param status the HTTP status
     * @param headers the recorded headers
     * @param chunks the body, one element per server-sent event, else one element (none for no body)
     * @param timedDelaysMs the recorded wait before each chunk, for harnesses that replay timing
     * @param interruption the message a read fails with after the last chunk, if the recording was interrupted
     */
    public record Rendered(
            int status, Headers headers, List<byte[]> chunks, List<Long> timedDelaysMs, Optional<String> interruption) {

        public Rendered {
            chunks = List.copyOf(chunks);
            timedDelaysMs = List.copyOf(timedDelaysMs);
        }

        public static Rendered of(Recording recording) {
            return of(recording, null);
        }

        /**
         * @param file the recording's file, named in the error when its event-stream frames cannot be encoded
         * @throws RecordingFormatException naming the file and the frame, for an AWS event stream that is not valid
         */
        public static Rendered of(Recording recording, Path file) {
            List<byte[]> chunks = new ArrayList<>();
            List<Long> delays = new ArrayList<>();
            Body body = recording.response().body();
            if (body instanceof Body.Frames || ReplayedFrames.isLegacy(recording)) {
                ReplayedFrames.render(recording, file, chunks, delays);
            } else if (body instanceof Body.EventStream stream) {
                long previous = 0;
                for (SseEvent event : stream.events()) {
                    chunks.add(SseCodec.render(event));
                    long offset = event.offsetMs() == null ? previous : event.offsetMs();
                    delays.add(Math.max(0, offset - previous));
                    previous = offset;
                }
                Interruption interruption = recording.response().interruption();
                if (interruption != null
                        && interruption.kind() == Interruption.Kind.UNTERMINATED_EVENT
                        && !chunks.isEmpty()) {
                    byte[] last =
                            chunks.get(chunks.size() - 1); // its fields' lines without the blank line that ends it
                    chunks.set(chunks.size() - 1, java.util.Arrays.copyOf(last, last.length - 1));
                }
            } else if (body != null) {
                chunks.add(BodyCodec.decode(body));
                delays.add(0L);
            }
            return new Rendered(
                    recording.response().status(),
                    recording.response().headers(),
                    chunks,
                    delays,
                    Optional.ofNullable(recording.response().interruption()).map(ReplayRenderer::describe));
        }

        /** The response one replay hands out: fresh copies of the chunks, so no caller can change another's. */
        public ReplayedResponse response(Path file, boolean replayTiming) {
            List<byte[]> copies = new ArrayList<>(chunks.size());
            for (byte[] chunk : chunks) {
                copies.add(chunk.clone());
            }
            return new ReplayedResponse(
                    file,
                    status,
                    headers,
                    copies,
                    replayTiming ? timedDelaysMs : Collections.nCopies(chunks.size(), 0L),
                    interruption);
        }

        /** Bytes held: the chunks, plus a rough allowance for the headers and lists. */
        public long weight() {
            long bytes = 256;
            for (byte[] chunk : chunks) {
                bytes += chunk.length + 32;
            }
            for (var header : headers.asMap().entrySet()) {
                bytes += 64 + header.getKey().length();
                for (String value : header.getValue()) {
                    bytes += 48 + value.length();
                }
            }
            return bytes;
        }
    }
}
