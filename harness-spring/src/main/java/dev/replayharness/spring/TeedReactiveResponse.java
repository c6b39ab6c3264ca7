package dev.replayharness.spring;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Flux;

import dev.replayharness.core.ResponseRecorder;

/**
 * An upstream reactive response whose body buffers are copied into the recording as they pass to the caller.
 * The end of the body completes the recording, an error records the interruption; a caller that cancels leaves
 * the recording truncated (a reactive body cannot be drained once its subscriber is gone).
 */
final class TeedReactiveResponse implements ClientHttpResponse {
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
        return response.getBody()
                .doOnNext(this::copy)
                .doOnComplete(recorder::completed)
                .doOnError(recorder::failed)
                .doOnCancel(recorder::truncated);
    }

    private void copy(DataBuffer buffer) {
        int start = buffer.readPosition();
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        buffer.readPosition(start); // the caller reads the same bytes
        recorder.chunk(bytes, 0, bytes.length);
    }
}
