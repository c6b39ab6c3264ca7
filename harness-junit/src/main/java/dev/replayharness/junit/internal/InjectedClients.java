package dev.replayharness.junit.internal;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
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
import dev.replayharness.junit.SessionParameter;

/**
 * The parameter types the extension injects, and how each client is made and closed: its own, and those of
 * the {@link SessionParameter} providers on the classpath.
 */
final class InjectedClients {
    static final Set<Class<?>> CLIENT_TYPES =
            Set.of(CloseableHttpClient.class, CloseableHttpAsyncClient.class, HttpClient.class);
    static final Set<Class<?>> TYPES = Set.of(
            CloseableHttpClient.class,
            CloseableHttpAsyncClient.class,
            HttpClient.class,
            HarnessSession.class,
            HttpClientWiring.class);

    private InjectedClients() {}

    /** The providers on the classpath by type; loaded on first use (a misregistration fails every use, naming it). */
    private static volatile Map<Class<?>, SessionParameter<?>> providers;

    private static Map<Class<?>, SessionParameter<?>> providers() {
        Map<Class<?>, SessionParameter<?>> loaded = providers;
        if (loaded == null) {
            loaded = loadProviders(); // two threads may both load: the same result
            providers = loaded;
        }
        return loaded;
    }

    private static Map<Class<?>, SessionParameter<?>> loadProviders() {
        return loadProviders(InjectedClients.class.getClassLoader());
    }

    /** The providers {@code loader} finds by type; package-private so that a test can hand it a loader. */
    static Map<Class<?>, SessionParameter<?>> loadProviders(ClassLoader loader) {
        Map<Class<?>, SessionParameter<?>> byType = new HashMap<>();
        for (ServiceLoader.Provider<SessionParameter> registered :
                ServiceLoader.load(SessionParameter.class, loader).stream().toList()) {
            SessionParameter<?> provider;
            try {
                provider = registered.get();
                provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                if (libraryAbsent(e)) {
                    continue; // the provider's library is not on the classpath: its type cannot be a parameter either
                }
                // else a broken provider would only show as JUnit's "No ParameterResolver registered"
                throw new ParameterResolutionException(
                        "SessionParameter provider " + registered.type().getName()
                                + " (registered in META-INF/services/"
                                + SessionParameter.class.getName() + ") could not be created: "
                                + (e.getCause() != null ? rootCause(e) : e.getMessage())
                                + ". Fix its public no-argument constructor, or remove it from that file.",
                        e);
            }
            if (TYPES.contains(provider.type())) {
                throw new ParameterResolutionException(provider.getClass().getName() + " registers "
                        + provider.type().getName() + ", which Replay Harness injects itself: remove it from"
                        + " META-INF/services/" + SessionParameter.class.getName() + ".");
            }
            SessionParameter<?> other = byType.putIfAbsent(provider.type(), provider);
            if (other != null) {
                throw new ParameterResolutionException("Two SessionParameter providers make "
                        + provider.type().getName() + ": " + other.getClass().getName() + " and "
                        + provider.getClass().getName() + ". Keep one on the classpath.");
            }
        }
        return Map.copyOf(byType);
    }

    /** The deepest cause: past an ExceptionInInitializerError, whose own message is empty. */
    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** Whether {@code e} means a class the provider needs is missing, rather than the provider being broken. */
    private static boolean libraryAbsent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Not any LinkageError: an ExceptionInInitializerError is the provider's own bug, to be reported.
            if (t instanceof NoClassDefFoundError) {
                return true;
            }
        }
        return false;
    }

    /** Whether the extension injects a parameter of {@code type}. */
    static boolean injects(Class<?> type) {
        return TYPES.contains(type) || providers().containsKey(type);
    }

    private static <T> Stores.Closing<T> open(SessionParameter<T> provider, HarnessSession session) {
        T value = provider.create(session);
        return new Stores.Closing<>(value, () -> provider.close(value));
    }

    /**
     * A new client of {@code type} (one of {@link #CLIENT_TYPES} or a provider's) routed through {@code session}.
     * The {@code java.net.http} clients of a run share one delegate (see {@link SharedJdkClient}).
     */
    static Stores.Closing<?> open(Class<?> type, HarnessSession session, ExtensionContext context) {
        if (type == CloseableHttpClient.class) {
            CloseableHttpClient client =
                    ApacheHarness.wire(HttpClients.custom(), session).build();
            return new Stores.Closing<>(client, client);
        }
        if (type == CloseableHttpAsyncClient.class) {
            CloseableHttpAsyncClient client =
                    ApacheHarness.wire(HttpAsyncClients.custom(), session).build();
            client.start();
            return new Stores.Closing<>(client, client);
        }
        if (type == HttpClient.class) {
            // The wrapper is per test; nothing of the shared delegate is closed with the test.
            return new Stores.Closing<>(JdkHarness.wrap(SharedJdkClient.of(context), session), () -> {});
        }
        SessionParameter<?> provider = providers().get(type);
        if (provider != null) {
            return open(provider, session);
        }
        throw new IllegalArgumentException("not a client type: " + type);
    }
}
