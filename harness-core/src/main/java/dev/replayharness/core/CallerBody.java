package dev.replayharness.core;

/**
 * Adapter SPI: what the caller is handed of an upstream body while it is recorded. By default it is what
 * replay will hand it: with response normalizers, a JSON body normalized and compact (held until it
 * ends), a stream of server-sent events normalized and re-rendered event by event as each event ends
 * (so the caller still sees an event before upstream sends the next), so that a test asserting on
 * {@code rec-…} ids or {@code created: 0} passes in record mode as in replay. Other bodies, encoded
 * bodies and harnesses without response normalizers pass unchanged ({@link #UNCHANGED}).
 * {@link ResponseRecorder#callerBody()} gives an adapter the one for its response, after
 * {@link ResponseRecorder#started}; the recorder still gets the upstream bytes as they came.
 * Not thread-safe: one adapter feeds it in order.
 */
public interface CallerBody {

    /** Upstream bytes arrived; returns what to hand the caller now (empty while they are held back). */
    byte[] next(byte[] bytes, int offset, int length);

    /** The upstream body ended; returns what is still held back. */
    byte[] end();

    /**
     * Whether every chunk goes to the caller unchanged as it arrives: the adapter may then pass its own
     * buffers on, and declare upstream's length. When false, the caller's body may differ in length.
     */
    boolean passThrough();

    /** The upstream body, unchanged. */
    CallerBody UNCHANGED = new CallerBody() {
        @Override
        public byte[] next(byte[] bytes, int offset, int length) {
            return java.util.Arrays.copyOfRange(bytes, offset, offset + length);
        }

        @Override
        public byte[] end() {
            return new byte[0];
        }

        @Override
        public boolean passThrough() {
            return true;
        }
    };
}
