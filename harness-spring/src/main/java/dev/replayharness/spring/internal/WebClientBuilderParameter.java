package dev.replayharness.spring.internal;

import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;
import dev.replayharness.spring.HarnessWebClient;

/** Lets {@code @Recorded} tests take a {@link WebClient.Builder} wired to their session (skipped without spring-webflux). */
public final class WebClientBuilderParameter implements SessionParameter<WebClient.Builder> {
    @Override
    public Class<WebClient.Builder> type() {
        return WebClient.Builder.class;
    }

    @Override
    public WebClient.Builder create(HarnessSession session) {
        return HarnessWebClient.wire(WebClient.builder(), session);
    }
}
