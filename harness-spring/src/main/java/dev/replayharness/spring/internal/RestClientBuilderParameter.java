package dev.replayharness.spring.internal;

import org.springframework.web.client.RestClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;
import dev.replayharness.spring.HarnessRestClient;

/** Lets {@code @Recorded} tests take a {@link RestClient.Builder} wired to their session. */
public final class RestClientBuilderParameter implements SessionParameter<RestClient.Builder> {
    @Override
    public Class<RestClient.Builder> type() {
        return RestClient.Builder.class;
    }

    @Override
    public RestClient.Builder create(HarnessSession session) {
        return HarnessRestClient.wire(RestClient.builder(), session);
    }
}
