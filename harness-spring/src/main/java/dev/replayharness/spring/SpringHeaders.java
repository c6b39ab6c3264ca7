package dev.replayharness.spring;

import java.util.List;

import org.springframework.http.HttpHeaders;

import dev.replayharness.core.http.Headers;

/** Spring's headers as the harness's, and back. */
final class SpringHeaders {

    private SpringHeaders() {}

    static Headers toHarness(HttpHeaders headers) {
        Headers.Builder builder = Headers.builder();
        headers.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    static HttpHeaders toSpring(Headers headers) {
        HttpHeaders spring = new HttpHeaders();
        headers.asMap().forEach((name, values) -> spring.addAll(name, List.copyOf(values)));
        return spring;
    }
}
