package dev.replayharness.spring;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.replayharness.core.CallerBody;
import dev.replayharness.core.ResponseRecorder;

/**
 * An upstream reactive response whose body buffers are copied into the recording as they pass to the caller (as
 * replay will render them, when the harness normalizes responses).
 * The end of the body completes the recording, an error records the interruption; a caller that cancels leaves
 * the recording truncated (a reactive body cannot be drained once its subscriber is gone).
 */
final class TeedReactiveResponse implements ClientHttpResponse {
    private static final DefaultDataBufferFactory FACTORY = DefaultDataBufferFactory.sharedInstance;

    private final ClientHttpResponse response;
    private final ResponseRecorder recorder;

    TeedReactiveResponse(ClientHttpResponse response, ResponseRecorder recorder) {
        this.response = response;
        this.recorder = recorder;
    }

    @Override
    public String getId() {
        return response.getId();
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return response.getStatusCode();
    }

    @Override
    public HttpHeaders getHeaders() {
        return response.getHeaders();
    }

    @Override
    public MultiValueMap<String, ResponseCookie> getCookies() {
        return response.getCookies();
    }

    @Override
    public Flux<DataBuffer> getBody() {
        CallerBody view = recorder.callerBody();
        Flux<DataBuffer> body = view.passThrough()
                ? response.getBody().doOnNext(this::copy)
                : Flux.concat(
                        response.getBody().concatMap(buffer -> asReplayed(buffer, view)),
                        Mono.fromCallable(view::end)
                                .filter(rest -> rest.length > 0)
                                .map(FACTORY::wrap));
        return body.doOnComplete(recorder::completed)
                .doOnError(recorder::failed)
                .doOnCancel(recorder::truncated);
    }

    /**
     * The caller gets what replay will give it (the recorder's {@link CallerBody}: normalized ids, each event as
     * upstream ends it); the recorder gets upstream's bytes. The upstream buffer is released once copied.
     */
    private Mono<DataBuffer> asReplayed(DataBuffer buffer, CallerBody view) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        byte[] out = view.next(bytes, 0, bytes.length);
        recorder.chunk(bytes, 0, bytes.length);
        return out.length == 0 ? Mono.empty() : Mono.just(FACTORY.wrap(out));
    }

    private void copy(DataBuffer buffer) {
        int start = buffer.readPosition();
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        buffer.readPosition(start); // the caller reads the same bytes
        recorder.chunk(bytes, 0, bytes.length);
    }
}
