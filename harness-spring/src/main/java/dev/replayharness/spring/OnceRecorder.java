package dev.replayharness.spring;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.replayharness.core.Headers;
import dev.replayharness.core.ResponseRecorder;

/**
 * A recorder that starts at most once and ends exactly once, whichever of the body stream, its cancellation
 * or the failed call reports first: a reactive body may signal an error and then be cancelled.
 */
final class OnceRecorder implements ResponseRecorder {
    private final ResponseRecorder recorder;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    OnceRecorder(ResponseRecorder recorder) {
        this.recorder = recorder;
    }

    boolean isStarted() {
        return started.get();
    }

    @Override
    public void started(int status, Headers headers) {
        if (started.compareAndSet(false, true)) {
            recorder.started(status, headers);
        }
    }

    @Override
    public void chunk(byte[] bytes, int offset, int length) {
        if (!ended.get()) {
            recorder.chunk(bytes, offset, length);
        }
    }

    @Override
    public void completed() {
        if (ended.compareAndSet(false, true)) {
            recorder.completed();
        }
    }

    @Override
    public void failed(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            recorder.failed(error);
        }
    }

    @Override
    public void truncated() {
        if (ended.compareAndSet(false, true)) {
            recorder.truncated();
        }
    }
}
