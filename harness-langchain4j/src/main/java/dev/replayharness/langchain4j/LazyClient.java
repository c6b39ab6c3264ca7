package dev.replayharness.langchain4j;

import java.util.function.Supplier;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;

/** The delegate client, built from its builder the first time it is needed. Thread-safe. */
final class LazyClient implements Supplier<HttpClient> {
    private final HttpClientBuilder builder;
    private volatile HttpClient client;

    LazyClient(HttpClientBuilder builder) {
        this.builder = builder;
    }

    @Override
    public HttpClient get() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = builder.build();
                    client = built;
                }
            }
        }
        return built;
    }

    /** The builder's type: what {@code toString()} names without building anything. */
    String describe() {
        return builder.getClass().getName();
    }
}
