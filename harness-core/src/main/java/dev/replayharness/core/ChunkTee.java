package dev.replayharness.core;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Adapter SPI: the tee for a client that pushes a response body, chunk by chunk, into a consumer (Apache's async
 * {@code AsyncDataConsumer}, for one). Each upstream chunk goes to the caller as the recorder's {@link CallerBody}
 * renders it (what replay will hand the caller), then to the {@link ResponseRecorder}; the end records completion
 * and hands the caller what the view held back. The push counterpart of {@link RecordingSubscriber}.
 */
public final class ChunkTee {
    /** Where the caller's bytes go. */
    @FunctionalInterface
    public interface Sink {
        void accept(ByteBuffer chunk) throws IOException;
    }

    private final ResponseRecorder recorder;
    private final CallerBody view;

    /** Tees into {@code recorder} (call after {@link ResponseRecorder#started}). */
    public ChunkTee(ResponseRecorder recorder) {
        this.recorder = recorder;
        this.view = recorder.callerBody();
    }

    /** Whether the caller gets upstream's bytes as they came (so their declared length holds). */
    public boolean passThrough() {
        return view.passThrough();
    }

    /** Hands {@code src} to the caller as replay will, and records it. */
    public void chunk(ByteBuffer src, Sink caller) throws IOException {
        if (view.passThrough()) {
            recorder.chunk(src); // reads a duplicate: the caller still gets all of src
            caller.accept(src);
            return;
        }
        byte[] bytes = new byte[src.remaining()];
        src.get(bytes);
        byte[] out = view.next(bytes, 0, bytes.length); // before the recorder: what the caller sees first
        if (out.length > 0) {
            caller.accept(ByteBuffer.wrap(out));
        }
        recorder.chunk(bytes, 0, bytes.length);
    }

    /** The body ended upstream: completes the recording, then hands the caller what the view still held. */
    public void end(Sink caller) throws IOException {
        byte[] rest = view.end();
        recorder.completed();
        if (rest.length > 0) {
            caller.accept(ByteBuffer.wrap(rest));
        }
    }
}
