package dev.replayharness.anthropicsdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpResponse;

import dev.replayharness.core.replay.ReplayedResponse;
import dev.replayharness.core.replay.Sleeper;

/** A recorded response as the SDK reads it: one recorded chunk (one server-sent event) per read. */
final class ReplayedSdkResponse implements HttpResponse {
    private final int status;
    private final Headers headers;
    private final InputStream body;

    ReplayedSdkResponse(ReplayedResponse response, Sleeper sleeper) {
        this.status = response.status();
        this.headers = SdkMessages.sdkHeaders(response.headers());
        this.body = response.openBody(sleeper);
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ReplayedSdkResponse[status=" + status + "]";
    }
}
