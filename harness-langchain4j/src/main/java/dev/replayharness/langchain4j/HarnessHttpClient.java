package dev.replayharness.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * A LangChain4j {@link HttpClient} on the engine's exchange driver ({@link Exchange}): each request is
 * answered from the recording (the delegate is not called), or sent with the delegate while what comes back
 * is teed into the recorder. Server-sent events reach the listener as they arrive in either case.
 */
final class HarnessHttpClient implements HttpClient {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Replayed streams are delivered on their own thread, as the SPI promises ("returns immediately"). */
    private static final ExecutorService REPLAYERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "harness-langchain4j-replay-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final HarnessSession session;
    private final LazyClient delegate;

    HarnessHttpClient(HarnessSession session, LazyClient delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    /** @throws dev.replayharness.core.ReplayMissError in replay mode when no recording matches */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            return Exchange.<SuccessfulHttpResponse, RuntimeException, RuntimeException>run(
                    session,
                    Messages.outgoing(request),
                    replayed -> Messages.answer(replayed.decoded()),
                    recorder -> recorder.isEmpty()
                            ? delegate.get().execute(request)
                            : RecordedCalls.execute(delegate.get(), request, recorder.get()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception injected) {
            throw asClientFailure(injected);
        }
    }

    /**
     * An injected transport fault (the driver throws the socket's IOException, which this SPI does not declare) as
     * LangChain4j's own JDK client reports one: a timeout as its TimeoutException, anything else wrapped.
     */
    private static RuntimeException asClientFailure(Exception injected) {
        return injected instanceof java.net.SocketTimeoutException
                ? new dev.langchain4j.exception.TimeoutException(injected)
                : new RuntimeException(injected);
    }

    /**
     * Like every LangChain4j client, returns at once and reports to {@code listener} on another thread; but a
     * replay miss is thrown here, to the caller of the model, so that no listener can swallow it.
     *
     * @throws dev.replayharness.core.ReplayMissError in replay mode when no recording matches
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        try {
            stream(request, parser, listener);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception injected) { // reported to the listener, on another thread, as the JDK client does
            Throwable reported = injected instanceof java.net.SocketTimeoutException
                    ? new dev.langchain4j.exception.TimeoutException(injected)
                    : injected;
            REPLAYERS.execute(() -> quietly(() -> listener.onError(reported)));
        }
    }

    private void stream(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Exchange.<Void, RuntimeException, RuntimeException>run(
                session,
                Messages.outgoing(request),
                replayed -> {
                    ReplayedResponse response = replayed.decoded();
                    REPLAYERS.execute(() -> replay(response, parser, listener));
                    return null;
                },
                recorder -> {
                    if (recorder.isEmpty()) {
                        delegate.get().execute(request, parser, listener);
                    } else {
                        RecordedCalls.stream(delegate.get(), request, parser, listener, recorder.get());
                    }
                    return null;
                });
    }

    /** What the delegate client does with a response, from the recording: open, parse every event, close. */
    private void replay(ReplayedResponse response, ServerSentEventParser parser, ServerSentEventListener listener) {
        if (!Messages.successful(response.status())) {
            quietly(() -> listener.onError(new HttpException(
                    response.status(), new String(response.bodyBytes(), java.nio.charset.StandardCharsets.UTF_8))));
            return;
        }
        quietly(() -> listener.onOpen(Messages.opened(response)));
        try (InputStream body = response.openBody(session.sleeper())) {
            parser.parse(body, listener);
        } catch (IOException closing) {
            // a replayed body holds no resource to fail on close
        } catch (RuntimeException parsing) {
            quietly(() -> listener.onError(parsing));
            return;
        }
        quietly(listener::onClose);
    }

    /** As LangChain4j's own clients do: a listener that throws does not stop the others. */
    static void quietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // the listener's own failure; LangChain4j's clients log and ignore it too
        }
    }

    @Override
    public String toString() {
        return "HarnessHttpClient[" + session + ", delegate=" + delegate.describe() + "]";
    }
}
