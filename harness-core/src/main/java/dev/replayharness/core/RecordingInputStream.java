package dev.replayharness.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Adapter SPI: an upstream body stream that hands every byte to its reader at once and copies it
 * to a {@link ResponseRecorder}. End of stream completes the recording; a read failure records the
 * interruption and is rethrown; closing early drains the rest into the recording (up to a limit,
 * past which the recording is marked truncated).
 */
public final class RecordingInputStream extends FilterInputStream {
    private final ResponseRecorder recorder;
    private final long maxDrainBytes;
    private boolean finished;

    public RecordingInputStream(InputStream upstream, ResponseRecorder recorder, long maxDrainBytes) {
        super(upstream);
        this.recorder = recorder;
        this.maxDrainBytes = maxDrainBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
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

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
        int read = read(sink, 0, sink.length); // skipped bytes still belong in the recording
        return Math.max(read, 0);
    }

    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                drain();
            }
        } finally {
            super.close();
        }
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        long drained = 0;
        try {
            while (drained <= maxDrainBytes) {
                int n = super.read(buffer, 0, buffer.length);
                if (n < 0) {
                    finish(null);
                    return;
                }
                recorder.chunk(buffer, 0, n);
                drained += n;
            }
            finished = true;
            recorder.truncated();
        } catch (IOException | RuntimeException e) {
            finish(e);
        }
    }

    private void finish(Exception error) {
        if (finished) {
            return;
        }
        finished = true;
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
