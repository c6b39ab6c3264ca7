package dev.replayharness.junit.internal;

import java.net.http.HttpClient;
import java.util.Set;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

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

    /** A new client of {@code type} (one of {@link #CLIENT_TYPES}) routed through {@code session}. */
    static Stores.Closing<?> open(Class<?> type, HarnessSession session) {
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
            HttpClient delegate = HttpClient.newHttpClient();
            // HttpClient is AutoCloseable from Java 21 on; on 17 its threads end when it is collected.
            AutoCloseable closer = delegate instanceof AutoCloseable c ? c : () -> { };
            return new Stores.Closing<>(JdkHarness.wrap(delegate, session), closer);
        }
        throw new IllegalArgumentException("not a client type: " + type);
    }
}
