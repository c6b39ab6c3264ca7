package dev.replayharness.junit.internal;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.junit.InjectedClient;

/**
 * The parameter types the extension injects, and how each client is made and closed: its own, and those of
 * the {@link InjectedClient} providers on the classpath.
 */
final class InjectedClients {
    static final Set<Class<?>> CLIENT_TYPES = Set.of(CloseableHttpClient.class, CloseableHttpAsyncClient.class,
            HttpClient.class);
    static final Set<Class<?>> TYPES = Set.of(CloseableHttpClient.class, CloseableHttpAsyncClient.class,
            HttpClient.class, HarnessSession.class, HttpClientWiring.class);

    private InjectedClients() {
    }

    /** The providers on the classpath by type; loaded on first use (a misregistration fails every use, naming it). */
    private static volatile Map<Class<?>, InjectedClient<?>> providers;

    private static Map<Class<?>, InjectedClient<?>> providers() {
        Map<Class<?>, InjectedClient<?>> loaded = providers;
        if (loaded == null) {
            loaded = loadProviders(); // two threads may both load: the same result
            providers = loaded;
        }
        return loaded;
    }

    private static Map<Class<?>, InjectedClient<?>> loadProviders() {
        Map<Class<?>, InjectedClient<?>> byType = new HashMap<>();
        for (InjectedClient<?> provider : ServiceLoader.load(InjectedClient.class, InjectedClients.class.getClassLoader())) {
            if (TYPES.contains(provider.type())) {
                throw new ParameterResolutionException(provider.getClass().getName() + " registers "
                        + provider.type().getName() + ", which Replay Harness injects itself: remove it from"
                        + " META-INF/services/" + InjectedClient.class.getName() + ".");
            }
            InjectedClient<?> other = byType.putIfAbsent(provider.type(), provider);
            if (other != null) {
                throw new ParameterResolutionException("Two InjectedClient providers make " + provider.type().getName()
                        + ": " + other.getClass().getName() + " and " + provider.getClass().getName() + ". Keep one on the classpath.");
            }
        }
        return Map.copyOf(byType);
    }

    /** Whether the extension injects a parameter of {@code type}. */
    static boolean injects(Class<?> type) {
        return TYPES.contains(type) || providers().containsKey(type);
    }

    private static <T> Stores.Closing<T> open(InjectedClient<T> provider, HarnessSession session) {
        T client = provider.open(session);
        return new Stores.Closing<>(client, () -> provider.close(client));
    }

    /**
     * A new client of {@code type} (one of {@link #CLIENT_TYPES} or a provider's) routed through {@code session}.
     * The {@code java.net.http} clients of a run share one delegate (see {@link SharedJdkClient}).
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
        InjectedClient<?> provider = providers().get(type);
        if (provider != null) {
            return open(provider, session);
        }
        throw new IllegalArgumentException("not a client type: " + type);
    }
}
