package dev.replayharness.langchain4j;

import java.time.Duration;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;

import dev.replayharness.core.HarnessSession;

/**
 * The {@link HttpClientBuilder} of {@link HarnessLangChain4j}: timeouts go to the delegate builder (they
 * bound the upstream call when recording; replay waits for nothing), {@link #build()} wraps its client.
 */
public final class HarnessHttpClientBuilder implements HttpClientBuilder {
    private final HarnessSession session;
    private final HttpClientBuilder delegate;

    HarnessHttpClientBuilder(HarnessSession session, HttpClientBuilder delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public HarnessHttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public HarnessHttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    /**
     * The delegate's client is built on first use, when a request goes upstream: replay builds none (a
     * {@code java.net.http} client per model would otherwise cost a selector thread each, on Java 17 one that
     * never ends).
     */
    @Override
    public HttpClient build() {
        return new HarnessHttpClient(session, new LazyClient(delegate));
    }

    @Override
    public String toString() {
        return "HarnessHttpClientBuilder[" + session + ", delegate="
                + delegate.getClass().getName() + "]";
    }
}
