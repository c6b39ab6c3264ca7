package dev.replayharness.bedrock.nativeapi.emulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the emulator's streams after a given number of frames until a test releases them: how a test proves that a
 * caller saw frame 1 before the emulator sent frame 2.
 */
public final class StreamGate {
    private volatile int holdAfter = -1;
    private volatile CountDownLatch released = new CountDownLatch(0);

    /** Streams pause after sending this many frames (flushed), until {@link #release()}. */
    public void holdAfter(int frames) {
        released = new CountDownLatch(1);
        holdAfter = frames;
    }

    /** Lets held streams go on. */
    public void release() {
        released.countDown();
    }

    void releaseAll() {
        holdAfter = -1;
        released.countDown();
    }

    /** Called by a stream after it flushed {@code sent} frames; a minute at most, so a broken test cannot hang. */
    void afterFrame(int sent) throws InterruptedException {
        if (sent == holdAfter) {
            released.await(60, TimeUnit.SECONDS);
        }
    }
}
