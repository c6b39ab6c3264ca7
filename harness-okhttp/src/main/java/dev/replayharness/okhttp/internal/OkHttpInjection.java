package dev.replayharness.okhttp.internal;

import okhttp3.OkHttpClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;
import dev.replayharness.okhttp.HarnessOkHttp;

/**
 * Lets {@code @Recorded} tests take an {@link OkHttpClient} parameter: {@link HarnessOkHttp#client} for the
 * test's session, its threads and connections released after the test. Registered as a
 * {@code dev.replayharness.junit.SessionParameter} service; read only when harness-junit is on the classpath.
 */
public final class OkHttpInjection implements SessionParameter<OkHttpClient> {
    @Override
    public Class<OkHttpClient> type() {
        return OkHttpClient.class;
    }

    @Override
    public OkHttpClient create(HarnessSession session) {
        return HarnessOkHttp.client(session);
    }

    @Override
    public void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
