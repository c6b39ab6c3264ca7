package dev.replayharness.openaisdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;

/** The SDK's view of a {@code java.net.http} response. */
final class SdkResponse implements HttpResponse {
    private final int status;
    private final Headers headers;
    private final InputStream body;

    SdkResponse(java.net.http.HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        Headers.Builder builder = Headers.builder();
        for (Map.Entry<String, java.util.List<String>> header :
                response.headers().map().entrySet()) {
            builder.put(header.getKey(), header.getValue());
        }
        this.headers = builder.build();
        this.body = response.body();
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
            throw new OpenAIIoException("Could not close the response body: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "HarnessOpenAiTransport.Response[status=" + status + "]";
    }
}
