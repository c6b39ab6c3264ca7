package dev.replayharness.awssdk;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** Converts between the SDK's HTTP messages and the harness's. */
final class SdkMessages {

    private SdkMessages() {}

    /** The request as the harness sees it: the signed request's method, URI (path as encoded) and headers. */
    static OutgoingRequest outgoing(SdkHttpRequest request, byte[] body) {
        return new OutgoingRequest(request.method().name(), request.getUri(), Headers.of(request.headers()), body);
    }

    static Headers headers(SdkHttpResponse response) {
        return Headers.of(response.headers());
    }

    /** A recorded response's status and headers, as the SDK's HTTP clients hand them over. */
    static SdkHttpResponse response(ReplayedResponse replayed) {
        SdkHttpResponse.Builder builder = SdkHttpResponse.builder().statusCode(replayed.status());
        replayed.headers().asMap().forEach(builder::putHeader);
        if (replayed.headers().first("content-length").isEmpty()
                && replayed.interruption().isEmpty()) {
            // Recordings keep few headers; the SDK's unmarshallers are happier with the length of what follows.
            builder.putHeader("Content-Length", String.valueOf(replayed.contentLength()));
        }
        return builder.build();
    }
}
