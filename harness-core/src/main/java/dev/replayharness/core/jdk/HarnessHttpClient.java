package dev.replayharness.core.jdk;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RequestBodies;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;

/** A delegating {@link HttpClient} that records and replays. */
final class HarnessHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final HarnessSession session;

    HarnessHttpClient(HttpClient delegate, HarnessSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        byte[] body = body(request);
        try {
            return exchange(request, handler, body);
        } catch (SocketTimeoutException e) {
            throw asHttpTimeout(e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, byte[] body)
            throws IOException, InterruptedException {
        return Exchange.<HttpResponse<T>, IOException, InterruptedException>run(
                session,
                toOutgoing(request, body),
                replayed -> {
                    try {
                        return ReplayedHttpResponse.deliver(request, replayed, handler, session)
                                .get();
                    } catch (ExecutionException e) {
                        throw unwrap(e.getCause());
                    }
                },
                recorder -> delegate.send(withBody(request, body), teeing(handler, recorder)));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        byte[] body;
        try {
            body = body(request);
        } catch (IOException | RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<T>> response = Exchange.runAsync(
                session,
                toOutgoing(request, body),
                replayed -> CompletableFuture.supplyAsync(
                                () -> ReplayedHttpResponse.deliver(request, replayed, handler, session),
                                delegate.executor()
                                        .orElse(CompletableFuture.completedFuture(null)
                                                .defaultExecutor()))
                        .thenCompose(f -> f),
                recorder -> {
                    HttpRequest outgoing = withBody(request, body);
                    HttpResponse.BodyHandler<T> tee = teeing(handler, recorder);
                    return pushPromiseHandler == null
                            ? delegate.sendAsync(outgoing, tee)
                            : delegate.sendAsync(outgoing, tee, pushPromiseHandler);
                });
        return response.exceptionallyCompose(e -> CompletableFuture.failedFuture(
                unwrapped(e) instanceof SocketTimeoutException timeout ? asHttpTimeout(timeout) : e));
    }

    /**
     * An injected timeout as java.net.http reports its own ({@link HttpTimeoutException}); the delegate itself never
     * throws a SocketTimeoutException, so only an injected fault is translated.
     */
    private static HttpTimeoutException asHttpTimeout(SocketTimeoutException e) {
        HttpTimeoutException timeout = new HttpTimeoutException(e.getMessage());
        timeout.initCause(e);
        return timeout;
    }

    private static Throwable unwrapped(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static byte[] body(HttpRequest request) throws IOException, InterruptedException {
        return request.bodyPublisher().isEmpty()
                        || request.bodyPublisher().get().contentLength() == 0
                ? new byte[0]
                : RequestBodies.collect(request.bodyPublisher().get());
    }

    /** The same request, its body now a replayable byte array (a publisher may only be read once). */
    private static HttpRequest withBody(HttpRequest request, byte[] body) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .method(request.method(), publisher)
                .build();
    }

    private static <T> HttpResponse.BodyHandler<T> teeing(
            HttpResponse.BodyHandler<T> handler, Optional<ResponseRecorder> recorder) {
        if (recorder.isEmpty()) {
            return handler;
        }
        ResponseRecorder r = recorder.get();
        return info -> {
            r.started(info.statusCode(), Headers.of(info.headers().map()));
            return new TeeSubscriber<>(handler.apply(info), r);
        };
    }

    private static OutgoingRequest toOutgoing(HttpRequest request, byte[] body) {
        return new OutgoingRequest(
                request.method(), request.uri(), Headers.of(request.headers().map()), body);
    }

    private static IOException unwrap(Throwable cause) throws InterruptedException {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        return new IOException(cause);
    }

    // Everything else is the delegate's.

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public java.net.http.WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    @Override
    public String toString() {
        return "HarnessHttpClient[" + session + "]";
    }

    static HttpHeaders httpHeaders(Headers headers) {
        return HttpHeaders.of(headers.asMap(), (name, value) -> true);
    }
}
