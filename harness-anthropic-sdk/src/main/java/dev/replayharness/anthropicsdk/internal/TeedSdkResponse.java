package dev.replayharness.anthropicsdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpResponse;

import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;

/** The upstream response, its body copied into the recording as the SDK reads it. */
final class TeedSdkResponse implements HttpResponse {
    private final HttpResponse upstream;
    private final RecordingInputStream body;

    private TeedSdkResponse(HttpResponse upstream, RecordingInputStream body) {
        this.upstream = upstream;
        this.body = body;
    }

    static TeedSdkResponse of(HttpResponse upstream, ResponseRecorder recorder) {
        recorder.started(upstream.statusCode(), SdkMessages.harnessHeaders(upstream.headers()));
        return new TeedSdkResponse(upstream, RecordingInputStream.asReplayed(upstream.body(), recorder));
    }

    @Override
    public int statusCode() {
        return upstream.statusCode();
    }

    @Override
    public Headers headers() {
        return upstream.headers();
    }

    @Override
    public InputStream body() {
        return body;
    }

    /** Drains what the SDK left unread into the recording (up to the drain limit), then closes upstream. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            upstream.close();
        }
    }

    @Override
    public String toString() {
        return "TeedSdkResponse[status=" + upstream.statusCode() + "]";
    }
}
