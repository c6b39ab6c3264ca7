package dev.replayharness.junit.internal;

import java.net.http.HttpClient;
import java.util.Set;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.junit.HttpClientWiring;

/** The parameter types the extension injects, and how each client is made and closed. */
final class InjectedClients {
    static final Set<Class<?>> CLIENT_TYPES = Set.of(CloseableHttpClient.class, CloseableHttpAsyncClient.class,
            HttpClient.class);
    static final Set<Class<?>> TYPES = Set.of(CloseableHttpClient.class, CloseableHttpAsyncClient.class,
            HttpClient.class, HarnessSession.class, HttpClientWiring.class);

    private InjectedClients() {
    }

    /**
     * A new client of {@code type} (one of {@link #CLIENT_TYPES}) routed through {@code session}. The
     * {@code java.net.http} clients of a run share one delegate (see {@link SharedJdkClient}).
     */
    static Stores.Closing<?> open(Class<?> type, HarnessSession session, ExtensionContext context) {
        if (type == CloseableHttpClient.class) {
            CloseableHttpClient client = ApacheHarness.wire(HttpClients.custom(), session).build();
            return new Stores.Closing<>(client, client);
        }
        if (type == CloseableHttpAsyncClient.class) {
            CloseableHttpAsyncClient client = ApacheHarness.wire(HttpAsyncClients.custom(), session).build();
            client.start();
            return new Stores.Closing<>(client, client);
        }
        if (type == HttpClient.class) {
            // The wrapper is per test; nothing of the shared delegate is closed with the test.
            return new Stores.Closing<>(JdkHarness.wrap(SharedJdkClient.of(context), session), () -> { });
        }
        throw new IllegalArgumentException("not a client type: " + type);
    }
}
