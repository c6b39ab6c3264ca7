package dev.replayharness.anthropicsdk.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpRequestBody;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;

/** Translates the SDK's requests and headers into the harness's. */
final class SdkMessages {
    /** What the SDK's OkHttp transport keeps unencoded in a path segment. */
    private static final String SEGMENT_SAFE = "-._~!$&'()*+,;=:@";

    private SdkMessages() {}

    /** The request as the SDK's OkHttp transport sends it: URL, headers (body content type included), body bytes. */
    static OutgoingRequest outgoing(HttpRequest request) {
        Headers.Builder headers = Headers.builder();
        for (String name : request.headers().names()) {
            request.headers().values(name).forEach(value -> headers.add(name, value));
        }
        byte[] body = new byte[0];
        HttpRequestBody requestBody = request.body().orElse(null);
        if (requestBody != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            requestBody.writeTo(out); // buffered: it writes again, the same bytes, when sent
            body = out.toByteArray();
            if (requestBody.contentType() != null
                    && request.headers().values("Content-Type").isEmpty()) {
                headers.add("Content-Type", requestBody.contentType());
            }
        }
        return new OutgoingRequest(request.method().name(), uri(request), headers.build(), body);
    }

    static URI uri(HttpRequest request) {
        StringBuilder url = new StringBuilder(request.baseUrl());
        for (String segment : request.pathSegments()) {
            if (url.charAt(url.length() - 1) != '/') {
                url.append('/');
            }
            url.append(encode(segment, SEGMENT_SAFE));
        }
        char separator = '?';
        for (String key : request.queryParams().keys()) {
            for (String value : request.queryParams().values(key)) {
                url.append(separator).append(encode(key, "-._~")).append('=').append(encode(value, "-._~"));
                separator = '&';
            }
        }
        return URI.create(url.toString());
    }

    private static String encode(String text, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    static void close(HttpRequest request) {
        request.body().ifPresent(HttpRequestBody::close);
    }

    static com.anthropic.core.http.Headers sdkHeaders(Headers headers) {
        com.anthropic.core.http.Headers.Builder builder = com.anthropic.core.http.Headers.builder();
        headers.asMap().forEach(builder::put);
        return builder.build();
    }

    static Headers harnessHeaders(com.anthropic.core.http.Headers headers) {
        Headers.Builder builder = Headers.builder();
        for (String name : headers.names()) {
            headers.values(name).forEach(value -> builder.add(name, value));
        }
        return builder.build();
    }
}
