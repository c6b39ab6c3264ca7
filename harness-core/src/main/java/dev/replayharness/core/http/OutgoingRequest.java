package dev.replayharness.core.http;

import java.net.URI;
import java.util.Objects;

/**
 * A request as an adapter hands it to the harness: method, full URI, headers and the body bytes
 * (empty when there is none).
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute request URI
 * @param headers the request headers, credentials included; the harness never writes or prints them
 * @param body the body bytes; never {@code null}
 */
public record OutgoingRequest(String method, URI uri, Headers headers, byte[] body) {

    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? new byte[0] : body;
    }

    /** A body-less request. */
    public static OutgoingRequest of(String method, URI uri) {
        return new OutgoingRequest(method, uri, Headers.empty(), new byte[0]);
    }

    /** Method and path only: the URI may carry credentials in its query. */
    @Override
    public String toString() {
        return "OutgoingRequest[" + method + " " + uri.getRawPath() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingRequest other
                && method.equals(other.method)
                && uri.equals(other.uri)
                && headers.equals(other.headers)
                && java.util.Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers) * 31 + java.util.Arrays.hashCode(body);
    }
}
