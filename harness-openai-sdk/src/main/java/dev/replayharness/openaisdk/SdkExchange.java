package dev.replayharness.openaisdk;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;

/**
 * One attempt of {@link HarnessOpenAiTransport}: the SDK's request translated to a {@code java.net.http} one, the
 * stream its response body will arrive in, and "METHOD scheme://host/path" for messages.
 */
record SdkExchange(java.net.http.HttpRequest request, StreamingBody body, String what) {
    /** Headers {@code java.net.http} manages itself and refuses from callers. */
    private static final Set<String> JDK_MANAGED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Translates {@code request}; a body of unknown or positive length is written on one of {@code bodyWriters}. */
    static SdkExchange of(HttpRequest request, RequestOptions requestOptions, ExecutorService bodyWriters) {
        URI uri = SdkRequestUri.of(request);
        String what = request.method() + " " + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath(); // no user info, no query: nothing that could hold a credential
        Timeout timeout = requestOptions == null || requestOptions.getTimeout() == null
                ? Timeout.builder().build()
                : requestOptions.getTimeout();
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri);
        Headers headers = request.headers();
        for (String name : headers.names()) {
            if (JDK_MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : headers.values(name)) {
                builder.header(name, value);
            }
        }
        HttpRequestBody body = request.body();
        if (body != null
                && body.contentType() != null
                && headers.values("Content-Type").isEmpty()) {
            builder.header("Content-Type", body.contentType());
        }
        builder.method(request.method().name(), publisher(body, bodyWriters));
        if (isPositive(timeout.request())) {
            builder.timeout(timeout.request());
        }
        return new SdkExchange(builder.build(), new StreamingBody(timeout.read(), what), what);
    }

    private static java.net.http.HttpRequest.BodyPublisher publisher(
            HttpRequestBody body, ExecutorService bodyWriters) {
        if (body == null) {
            return java.net.http.HttpRequest.BodyPublishers.noBody();
        }
        if (body.contentLength() == 0) {
            return java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[0]);
        }
        return new WriteToBodyPublisher(body, bodyWriters);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isZero() && !duration.isNegative();
    }
}
