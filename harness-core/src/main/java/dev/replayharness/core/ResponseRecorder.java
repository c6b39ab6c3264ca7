package dev.replayharness.core;

/**
 * Adapter SPI: receives an upstream response as it streams past, and writes the recording when it
 * ends. Calls come in order: {@link #started}, any number of {@link #chunk}, then exactly one of
 * {@link #completed}, {@link #failed} or {@link #truncated}. Implementations are thread-safe.
 */
public interface ResponseRecorder {

    /** The status line and headers arrived. */
    void started(int status, Headers headers);

    /** Body bytes arrived (the caller has or will get the same bytes at once). */
    void chunk(byte[] bytes, int offset, int length);

    /** The body ended normally. The recording is staged for writing. */
    void completed();

    /**
     * Upstream failed. Mid-response, the recording is staged, marked as interrupted by {@code error};
     * before any response (connection refused, say), nothing is recorded. Adapters must call this when
     * the upstream call fails, so that the session does not wait for the recording.
     */
    void failed(Throwable error);

    /**
     * The caller closed the body early and the rest was not drained (it was larger than the drain
     * limit). The recording is staged, marked as truncated.
     */
    void truncated();
}
