package dev.replayharness.core;

import java.nio.ByteBuffer;

import dev.replayharness.core.http.Headers;

/**
 * Adapter SPI: receives an upstream response as it streams past, and stages the recording when it
 * ends. Calls come in order: {@link #started}, any number of {@link #chunk}, then one of
 * {@link #completed}, {@link #failed} or {@link #truncated}. The recorder owns this contract: it ends
 * exactly once (a second ending, and any chunk after the first, is ignored), so an adapter need not
 * track whether it already ended it; and it counts the bytes drained after the caller closed the body
 * early ({@link #callerClosed}), ending itself as truncated past the harness's drain limit.
 * Implementations are thread-safe.
 */
public interface ResponseRecorder {

    /** The status line and headers arrived. */
    void started(int status, Headers headers);

    /** Body bytes arrived (the caller has or will get the same bytes at once). */
    void chunk(byte[] bytes, int offset, int length);

    /** Body bytes arrived: the buffer's remaining bytes, copied without moving its position. */
    default void chunk(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        chunk(bytes, 0, bytes.length);
    }

    /**
     * The caller closed the body before its end: the adapter now reads the rest only for the recording,
     * feeding it to {@link #chunk} while {@link #wantsMore()}.
     */
    void callerClosed();

    /**
     * Whether the recording still wants body bytes: false once it has ended (completed, failed, or
     * truncated because the bytes drained since {@link #callerClosed} passed the drain limit). An adapter
     * draining a closed body stops, and cancels its upstream, when this turns false.
     */
    boolean wantsMore();

    /** The body ended normally. The recording is staged for writing. */
    void completed();

    /**
     * Upstream failed. Mid-response, the recording is staged, marked as interrupted by {@code error};
     * before any response (connection refused, say), nothing is recorded. Adapters must call this when
     * the upstream call fails, so that the session does not wait for the recording ({@link Exchange}
     * does it for them).
     */
    void failed(Throwable error);

    /**
     * The caller closed the body early and the rest was not drained. The recording is staged, marked as
     * truncated. (A recorder drained past its limit ends itself this way.)
     */
    void truncated();
}
