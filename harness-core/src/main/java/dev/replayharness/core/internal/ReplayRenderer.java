package dev.replayharness.core.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.ReplayedResponse;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Interruption;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.SseEvent;

/** Rebuilds a response from a recording: one chunk per server-sent event, else one chunk. */
public final class ReplayRenderer {
    private ReplayRenderer() {
    }

    public static ReplayedResponse render(Path file, Recording recording, boolean replayTiming) {
        List<byte[]> chunks = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        Body body = recording.response().body();
        if (body instanceof Body.EventStream stream) {
            long previous = 0;
            for (SseEvent event : stream.events()) {
                chunks.add(SseCodec.render(event));
                long offset = event.offsetMs() == null ? previous : event.offsetMs();
                delays.add(replayTiming ? Math.max(0, offset - previous) : 0L);
                previous = offset;
            }
        } else if (body != null) {
            chunks.add(BodyCodec.decode(body));
            delays.add(0L);
        }
        return new ReplayedResponse(file, recording.response().status(), recording.response().headers(), chunks, delays,
                Optional.ofNullable(recording.response().interruption()).map(ReplayRenderer::describe));
    }

    private static String describe(Interruption interruption) {
        return switch (interruption.kind()) {
            case UPSTREAM_ERROR -> "Upstream failed mid-response when this was recorded: " + interruption.message();
            case TRUNCATED -> "The recording ends here: " + interruption.message()
                    + ". Re-record with a test that reads the whole body, or raise the drain limit";
        };
    }
}
