package dev.replayharness.core;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * Adapter SPI: the one exchange driver. It plans a request with the session (replay, record or live) and
 * then either answers it from the recording or calls upstream, ending the recorder if that call fails
 * before a response, so that every adapter makes the same choices in the same order. An adapter only
 * translates its client's message model: it builds the {@link OutgoingRequest}, turns a
 * {@link ReplayedResponse} into its client's response, and, when calling upstream with a recorder, tees
 * the response into it ({@link ResponseRecorder#started}, {@link ResponseRecorder#chunk}, one ending; a
 * {@link RecordingInputStream} does it for a blocking body stream). Every adapter, in this module or
 * another (an HTTP client's interceptor, an SDK's transport, the proxy), records and replays through it, so
 * a new adapter adds a translation and no policy.
 *
 * <p>Injected faults ({@link HarnessSession#faults()}) need nothing more: an error status or a reshaped stream is a
 * {@link ReplayedResponse} like any other, and a transport fault is thrown from here as the socket's
 * {@link java.io.IOException}, whatever {@code X1}/{@code X2} say; an adapter whose client API declares no
 * IOException catches it and reports it as its client would a real one (see the LangChain4j and Anthropic adapters).
 *
 * <pre>{@code
 * return Exchange.run(session, outgoing,
 *         replayed -> toClientResponse(replayed),
 *         recorder -> teeInto(recorder, client.execute(request)));
 * }</pre>
 */
public final class Exchange {
    private Exchange() {}

    /** How an adapter answers from a recording. */
    @FunctionalInterface
    public interface Replay<R, X1 extends Exception, X2 extends Exception> {
        R answer(ReplayedResponse response) throws X1, X2;
    }

    /** How an adapter calls upstream; with a recorder present, it tees the response into it. */
    @FunctionalInterface
    public interface Upstream<R, X1 extends Exception, X2 extends Exception> {
        R call(Optional<ResponseRecorder> recorder) throws X1, X2;
    }

    /**
     * Runs one blocking exchange.
     *
     * @throws ReplayMissError in replay mode when no recording matches
     * @throws RecordingFormatException when the matching recording is damaged or misnamed
     * @throws X1 what the adapter's replay or upstream call throws, after the recorder was ended as failed
     */
    public static <R, X1 extends Exception, X2 extends Exception> R run(
            HarnessSession session, OutgoingRequest request, Replay<R, X1, X2> replay, Upstream<R, X1, X2> upstream)
            throws X1, X2 {
        ExchangePlan plan = session.plan(request);
        if (plan instanceof ExchangePlan.Replay replayed) {
            waitInjected(session, replayed.delay());
            return replay.answer(replayed.response());
        }
        if (plan instanceof ExchangePlan.Fail failed) {
            waitInjected(session, failed.delay());
            throw Exchange.<RuntimeException>sneaky(failed.failure());
        }
        Optional<ResponseRecorder> recorder = ((ExchangePlan.Call) plan).recorder();
        try {
            return upstream.call(recorder);
        } catch (Throwable e) {
            recorder.ifPresent(r -> r.failed(e)); // no response: nothing is recorded, but the recorder must end
            throw e;
        }
    }

    /**
     * Runs one asynchronous exchange: a failure to plan is a failed future, and a failed upstream future
     * ends the recorder.
     */
    public static <R> CompletableFuture<R> runAsync(
            HarnessSession session,
            OutgoingRequest request,
            Function<ReplayedResponse, CompletableFuture<R>> replay,
            Function<Optional<ResponseRecorder>, CompletableFuture<R>> upstream) {
        ExchangePlan plan;
        try {
            plan = session.plan(request);
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
        if (plan instanceof ExchangePlan.Replay replayed) {
            if (replayed.delay().isZero()) {
                return replay.apply(replayed.response());
            }
            return CompletableFuture.runAsync(() -> waitInjected(session, replayed.delay()))
                    .thenCompose(v -> replay.apply(replayed.response()));
        }
        if (plan instanceof ExchangePlan.Fail failed) {
            return CompletableFuture.runAsync(() -> waitInjected(session, failed.delay()))
                    .thenCompose(v -> CompletableFuture.failedFuture(failed.failure()));
        }
        Optional<ResponseRecorder> recorder = ((ExchangePlan.Call) plan).recorder();
        CompletableFuture<R> response;
        try {
            response = upstream.apply(recorder);
        } catch (RuntimeException | Error e) {
            recorder.ifPresent(r -> r.failed(e));
            throw e;
        }
        return response.whenComplete((r, error) -> {
            if (error != null) {
                recorder.ifPresent(rec -> rec.failed(error));
            }
        });
    }

    /** Injected latency, through the session's sleeper (a virtual clock's, in tests that inject one). */
    private static void waitInjected(HarnessSession session, Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            session.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw sneaky(new InterruptedIOException("interrupted while waiting an injected fault's latency"));
        }
    }

    /**
     * Throws an injected transport failure as the client's own upstream call would (an {@link java.io.IOException}),
     * whatever the adapter's declared exception types: every client's send or execute throws IOException.
     */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
