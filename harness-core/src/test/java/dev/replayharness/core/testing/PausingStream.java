package dev.replayharness.core.testing;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An event-stream route that sends its first event, then waits until the test says the caller has
 * seen it ({@link #callerSawFirst()}) before sending the rest. If the harness buffered the stream,
 * the caller could not see event 1 first: the route would wait in vain, which {@link #waitedInVain()} tells.
 */
public final class PausingStream {
    private final CountDownLatch callerSawFirst = new CountDownLatch(1);
    private final AtomicBoolean waitedInVain = new AtomicBoolean();

    private PausingStream() {}

    /** Serves {@code first}, pauses, then {@code rest}, each as a {@code data:} event, on {@code path}. */
    public static PausingStream serve(LoopbackUpstream upstream, String path, String first, List<String> rest) {
        PausingStream stream = new PausingStream();
        upstream.route(path, (exchange, body) -> {
            OutputStream out = LoopbackUpstream.startEventStream(exchange);
            LoopbackUpstream.sendEvent(out, first);
            if (!stream.callerSawFirst.await(20, TimeUnit.SECONDS)) {
                stream.waitedInVain.set(true);
            }
            for (String event : rest) {
                LoopbackUpstream.sendEvent(out, event);
            }
            out.close();
        });
        return stream;
    }

    /** The test calls this when the caller has received the first event. */
    public void callerSawFirst() {
        callerSawFirst.countDown();
    }

    /** Whether the route had to send the rest before the caller saw the first event. */
    public boolean waitedInVain() {
        return waitedInVain.get();
    }
}
