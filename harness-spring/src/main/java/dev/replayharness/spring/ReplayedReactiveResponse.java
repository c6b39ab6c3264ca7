package dev.replayharness.spring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Flux;

import dev.replayharness.core.replay.ReplayedResponse;
import dev.replayharness.core.replay.Sleeper;

/** A reactive response from a recording: one buffer per recorded chunk (one per server-sent event). */
final class ReplayedReactiveResponse implements ClientHttpResponse {
    private final ReplayedResponse response;
    private final Sleeper sleeper;
    private final HttpHeaders headers;

    ReplayedReactiveResponse(ReplayedResponse response, Sleeper sleeper) {
        this.response = response;
        this.sleeper = sleeper;
        this.headers = HttpHeaders.readOnlyHttpHeaders(SpringHeaders.toSpring(response.headers()));
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(response.status());
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public MultiValueMap<String, ResponseCookie> getCookies() {
        return new LinkedMultiValueMap<>();
    }

    /**
     * Each subscription reads the recording afresh; the body stream hands out one chunk per read (after the
     * recorded delay when timing is replayed) and fails at its end as the recording did, if it did.
     */
    @Override
    public Flux<DataBuffer> getBody() {
        return Flux.generate(
                () -> response.openBody(sleeper),
                (InputStream body, reactor.core.publisher.SynchronousSink<DataBuffer> sink) -> {
                    byte[] chunk = new byte[8192];
                    try {
                        int n = body.read(chunk);
                        if (n < 0) {
                            sink.complete();
                        } else {
                            sink.next(DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOf(chunk, n)));
                        }
                    } catch (IOException e) {
                        sink.error(e);
                    }
                    return body;
                });
    }

    @Override
    public String toString() {
        return "ReplayedReactiveResponse[status=" + response.status() + ", file="
                + response.file().getFileName() + "]";
    }
}
