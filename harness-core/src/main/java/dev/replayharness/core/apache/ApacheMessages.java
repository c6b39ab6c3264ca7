package dev.replayharness.core.apache;

import java.net.URI;
import java.net.URISyntaxException;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.net.URIBuilder;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** Conversions between Apache messages and the harness's. */
final class ApacheMessages {
    private ApacheMessages() {}

    static Headers headers(Header[] headers) {
        Headers.Builder builder = Headers.builder();
        for (Header header : headers) {
            builder.add(header.getName(), header.getValue());
        }
        return builder.build();
    }

    /** The request as the engine sees it, its body already collected. */
    static OutgoingRequest outgoing(HttpRequest request, HttpHost target, byte[] body) throws java.io.IOException {
        return new OutgoingRequest(request.getMethod(), uri(request, target), headers(request.getHeaders()), body);
    }

    static URI uri(HttpRequest request, HttpHost target) throws java.io.IOException {
        try {
            URI uri = request.getUri();
            return uri.isAbsolute() || target == null
                    ? uri
                    : new URIBuilder(uri).setHttpHost(target).build();
        } catch (URISyntaxException e) {
            // Not e.getMessage(): it quotes the whole URI, query credentials included.
            throw new java.io.IOException("Invalid request URI: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    static void copyHeaders(ReplayedResponse replayed, HttpResponse response) {
        replayed.headers().asMap().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    }

    static BasicHttpResponse response(ReplayedResponse replayed) {
        BasicHttpResponse response = new BasicHttpResponse(replayed.status());
        copyHeaders(replayed, response);
        return response;
    }

    static ContentType contentType(ReplayedResponse replayed) {
        return replayed.headers()
                .first("content-type")
                .map(ContentType::parseLenient)
                .orElse(null);
    }
}
