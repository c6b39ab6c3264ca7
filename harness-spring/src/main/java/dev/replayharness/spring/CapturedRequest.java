package dev.replayharness.spring;

import java.io.ByteArrayOutputStream;
import java.net.URI;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequest;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The request as {@code WebClient}'s codecs write it, kept in memory: the harness keys the exact bytes, and,
 * when it calls upstream, writes the same headers and bytes onto the delegate connector's request.
 */
final class CapturedRequest extends AbstractClientHttpRequest {
    private final HttpMethod method;
    private final URI uri;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean hasBody;

    CapturedRequest(HttpMethod method, URI uri) {
        this.method = method;
        this.uri = uri;
    }

    byte[] body() {
        synchronized (body) {
            return body.toByteArray();
        }
    }

    /** Writes what was captured onto the delegate's real request. */
    Mono<Void> replayOnto(ClientHttpRequest real) {
        getHeaders().forEach((name, values) -> real.getHeaders().addAll(name, values));
        getCookies().forEach((name, cookies) -> real.getCookies().addAll(name, cookies));
        getAttributes().forEach((name, value) -> real.getAttributes().put(name, value));
        return hasBody
                ? real.writeWith(Mono.fromSupplier(() -> real.bufferFactory().wrap(body())))
                : real.setComplete();
    }

    @Override
    public HttpMethod getMethod() {
        return method;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return DefaultDataBufferFactory.sharedInstance;
    }

    @Override
    public <T> T getNativeRequest() {
        throw new UnsupportedOperationException("The Replay Harness connector has no native request: it is in memory.");
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> publisher) {
        return doCommit(() -> Flux.from(publisher).doOnNext(this::append).then());
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> publisher) {
        return writeWith(Flux.from(publisher).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        return doCommit();
    }

    private void append(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            synchronized (body) {
                body.writeBytes(bytes);
                hasBody = true;
            }
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    @Override
    protected void applyHeaders() {
        // kept in getHeaders(): there is no underlying request to apply them to
    }

    @Override
    protected void applyCookies() {
        // kept in getCookies()
    }
}
