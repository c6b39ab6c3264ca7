package dev.replayharness.okhttp.internal;

import java.io.IOException;
import java.io.InputStream;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.replay.ReplayedResponse;
import dev.replayharness.core.replay.Sleeper;

/** Translates between OkHttp's messages and the harness's. */
final class OkHttpMessages {
    private OkHttpMessages() {}

    static byte[] bodyBytes(Request request) throws IOException {
        RequestBody body = request.body();
        if (body == null) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    /** The caller's headers, plus the {@code Content-Type} OkHttp's bridge would send from the body. */
    static Headers requestHeaders(Request request) {
        Headers.Builder headers = Headers.builder();
        request.headers().forEach(pair -> headers.add(pair.getFirst(), pair.getSecond()));
        RequestBody body = request.body();
        if (body != null && body.contentType() != null && request.header("Content-Type") == null) {
            headers.add("Content-Type", body.contentType().toString());
        }
        return headers.build();
    }

    static Headers responseHeaders(Response response) {
        Headers.Builder headers = Headers.builder();
        response.headers().forEach(pair -> headers.add(pair.getFirst(), pair.getSecond()));
        return headers.build();
    }

    /** {@code request} with its body replaced by the bytes already read from it (same content type). */
    static Request withBufferedBody(Request request, byte[] body) {
        RequestBody original = request.body();
        if (original == null) {
            return request;
        }
        return request.newBuilder()
                .method(request.method(), RequestBody.create(body, original.contentType()))
                .build();
    }

    /** The upstream body's type and length over {@code content}, read as the caller reads. */
    static ResponseBody streamingBody(ResponseBody upstream, InputStream content, long contentLength) {
        return ResponseBody.create(Okio.buffer(Okio.source(content)), upstream.contentType(), contentLength);
    }

    /**
     * The recorded response as OkHttp's bridge would hand it to application interceptors: decoded,
     * unless the caller asked for an encoding itself (then the bridge leaves the body to it).
     */
    static Response replayed(Request request, ReplayedResponse recorded, Sleeper sleeper) {
        ReplayedResponse response =
                request.header("Accept-Encoding") == null ? recorded.decoded() : recorded.encodedForWire();
        okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
        response.headers()
                .asMap()
                .forEach((name, values) -> values.forEach(value -> headers.addUnsafeNonAscii(name, value)));
        String contentType = response.headers().first("content-type").orElse(null);
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        ResponseBody body = ResponseBody.create(
                Okio.buffer(Okio.source(response.openBody(sleeper))),
                mediaType,
                response.interruption().isPresent() ? -1 : response.contentLength());
        long now = System.currentTimeMillis();
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(response.status())
                .message(StatusText.of(response.status()))
                .headers(headers.build())
                .body(body)
                .sentRequestAtMillis(now)
                .receivedResponseAtMillis(now)
                .build();
    }
}
