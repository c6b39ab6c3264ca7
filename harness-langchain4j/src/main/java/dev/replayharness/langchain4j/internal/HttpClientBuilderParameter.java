package dev.replayharness.langchain4j.internal;

import dev.langchain4j.http.client.HttpClientBuilder;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;
import dev.replayharness.langchain4j.HarnessLangChain4j;

/** Lets {@code @Recorded} tests take LangChain4j's {@link HttpClientBuilder}: {@link HarnessLangChain4j#builder(HarnessSession)}. */
public final class HttpClientBuilderParameter implements SessionParameter<HttpClientBuilder> {
    @Override
    public Class<HttpClientBuilder> type() {
        return HttpClientBuilder.class;
    }

    @Override
    public HttpClientBuilder create(HarnessSession session) {
        return HarnessLangChain4j.builder(session);
    }
}
