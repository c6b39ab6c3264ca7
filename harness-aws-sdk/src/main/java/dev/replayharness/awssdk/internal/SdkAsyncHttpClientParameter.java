package dev.replayharness.awssdk.internal;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

/**
 * Lets {@code @Recorded} tests take an {@link SdkAsyncHttpClient} parameter, for any AWS service client:
 * {@code FooClient.builder().httpClient(http)}. It is the SDK's default implementation (see
 * {@link SdkHttpServices}) wrapped in the test's session, closed after the test; credentials and region stay the
 * test's to choose. Registered as a {@code dev.replayharness.junit.SessionParameter} service.
 */
public final class SdkAsyncHttpClientParameter implements SessionParameter<SdkAsyncHttpClient> {
    @Override
    public Class<SdkAsyncHttpClient> type() {
        return SdkAsyncHttpClient.class;
    }

    @Override
    public SdkAsyncHttpClient create(HarnessSession session) {
        return new HarnessHttpBuilders.Async(session).buildWithDefaults(AttributeMap.empty());
    }
}
