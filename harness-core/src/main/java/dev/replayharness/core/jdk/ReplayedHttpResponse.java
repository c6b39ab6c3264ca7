package dev.replayharness.core.jdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.replay.ReplayPublisher;
import dev.replayharness.core.replay.ReplayedResponse;

/** An {@link HttpResponse} rebuilt from a recording. */
final class ReplayedHttpResponse<T> implements HttpResponse<T> {
    private final HttpRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final T body;
    /** Redacts what toString() shows, as every string the harness prints (only when it is called: replay is hot). */
    private final HarnessSession session;

    private ReplayedHttpResponse(HttpRequest request, HarnessSession session, int status, HttpHeaders headers, T body) {
        this.request = request;
        this.session = session;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Hands the recorded body to the caller's body handler, chunk by chunk as its subscriber asks
     * for them, and completes when the handler's body is ready (at once for streaming handlers).
     */
    static <T> CompletableFuture<HttpResponse<T>> deliver(
            HttpRequest request, ReplayedResponse recorded, BodyHandler<T> handler, HarnessSession session) {
        ReplayedResponse replayed = recorded.encodedForWire(); // java.net.http does not decode Content-Encoding
        HttpHeaders headers = HarnessHttpClient.httpHeaders(replayed.headers());
        ResponseInfo info = new ResponseInfo() {
            @Override
            public int statusCode() {
                return replayed.status();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
        BodySubscriber<T> subscriber = handler.apply(info);
        new ReplayPublisher(replayed, session.sleeper()).subscribe(subscriber);
        return subscriber
                .getBody()
                .toCompletableFuture()
                .thenApply(body -> new ReplayedHttpResponse<>(request, session, replayed.status(), headers, body));
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public T body() {
        return body;
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }

    @Override
    public String toString() {
        return "(" + session.redact(request.method() + " " + request.uri().getPath()) + ") " + status + " [replayed]";
    }
}
