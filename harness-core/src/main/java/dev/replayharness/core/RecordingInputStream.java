package dev.replayharness.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Adapter SPI: an upstream body stream that hands every byte to its reader at once and copies it
 * to a {@link ResponseRecorder}. End of stream completes the recording; a read failure records the
 * interruption and is rethrown; closing early drains the rest into the recording for as long as the
 * recorder wants it (it ends itself as truncated past the harness's drain limit).
 */
public final class RecordingInputStream extends FilterInputStream {
    private static final byte[] NONE = new byte[0];

    private final ResponseRecorder recorder;
    private final CallerBody view;
    /** What the view handed over and the reader has not read yet. */
    private byte[] pending = NONE;

    private int pendingAt;
    private boolean ended;

    /** Hands the reader the upstream bytes unchanged. */
    public RecordingInputStream(InputStream upstream, ResponseRecorder recorder) {
        this(upstream, recorder, CallerBody.UNCHANGED);
    }

    private RecordingInputStream(InputStream upstream, ResponseRecorder recorder, CallerBody view) {
        super(upstream);
        this.recorder = recorder;
        this.view = view;
    }

    /**
     * Hands the reader what replay will hand it ({@link ResponseRecorder#callerBody()}: normalized ids, event by
     * event for a stream), so its length may differ from upstream's (call after {@link ResponseRecorder#started}).
     */
    public static RecordingInputStream asReplayed(InputStream upstream, ResponseRecorder recorder) {
        return new RecordingInputStream(upstream, recorder, recorder.callerBody());
    }

    /** Whether the reader gets upstream's bytes unchanged (so upstream's declared length holds). */
    public boolean passesThrough() {
        return view.passThrough();
    }

    /**
     * As {@link #RecordingInputStream(InputStream, ResponseRecorder)}: the drain limit is the recorder's
     * (the harness's {@code maxDrainBytes}), whatever {@code maxDrainBytes} says.
     */
    @Deprecated
    public RecordingInputStream(InputStream upstream, ResponseRecorder recorder, long maxDrainBytes) {
        this(upstream, recorder, CallerBody.UNCHANGED);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!view.passThrough()) {
            return readAsReplayed(buffer, offset, length);
        }
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            finish(e);
            throw e;
        }
        if (n > 0) {
            recorder.chunk(buffer, offset, n);
        } else if (n < 0) {
            finish(null);
        }
        return n;
    }

    private int readAsReplayed(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        byte[] chunk = null;
        while (pendingAt == pending.length) {
            if (ended) {
                return -1;
            }
            chunk = chunk == null ? new byte[Math.max(length, 8192)] : chunk;
            int n;
            try {
                n = super.read(chunk, 0, chunk.length);
            } catch (IOException | RuntimeException e) {
                finish(e);
                throw e;
            }
            if (n > 0) {
                recorder.chunk(chunk, 0, n);
                pending = view.next(chunk, 0, n);
            } else if (n < 0) {
                finish(null);
                ended = true;
                pending = view.end();
            } else {
                pending = NONE;
            }
            pendingAt = 0;
        }
        int n = Math.min(length, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, buffer, offset, n);
        pendingAt += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return view.passThrough() ? super.available() : pending.length - pendingAt;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
        int read = read(sink, 0, sink.length); // skipped bytes still belong in the recording
        return Math.max(read, 0);
    }

    @Override
    public void close() throws IOException {
        try {
            if (recorder.wantsMore()) {
                drain();
            }
        } finally {
            super.close();
        }
    }

    private void drain() {
        recorder.callerClosed();
        byte[] buffer = new byte[8192];
        try {
            while (recorder.wantsMore()) {
                int n = super.read(buffer, 0, buffer.length);
                if (n < 0) {
                    recorder.completed();
                    return;
                }
                recorder.chunk(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            recorder.failed(e);
        }
    }

    private void finish(Exception error) {
        if (error == null) {
            recorder.completed();
        } else {
            recorder.failed(error);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
