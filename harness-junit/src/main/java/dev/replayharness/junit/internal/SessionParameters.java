package dev.replayharness.junit.internal;

import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

/** The {@link SessionParameter} providers on the class path, by type; loaded once. */
final class SessionParameters {
    private static final Map<Class<?>, SessionParameter<?>> BY_TYPE = load();

    private SessionParameters() {
    }

    private static Map<Class<?>, SessionParameter<?>> load() {
        Map<Class<?>, SessionParameter<?>> byType = new ConcurrentHashMap<>();
        ServiceLoader<SessionParameter> loader = ServiceLoader.load(SessionParameter.class, SessionParameter.class.getClassLoader());
        for (ServiceLoader.Provider<SessionParameter> provider : loader.stream().toList()) {
            try {
                SessionParameter<?> parameter = provider.get();
                byType.putIfAbsent(parameter.type(), parameter);
            } catch (ServiceConfigurationError | LinkageError absent) {
                // the provider's library is not on the class path: its type cannot be a parameter either
            }
        }
        return byType;
    }

    static boolean provides(Class<?> type) {
        return BY_TYPE.containsKey(type);
    }

    /** A new value of {@code type} for {@code session}, closed with the invocation when it is {@link AutoCloseable}. */
    static Stores.Closing<?> open(Class<?> type, HarnessSession session) {
        Object value = BY_TYPE.get(type).create(session);
        return new Stores.Closing<>(value, value instanceof AutoCloseable closeable ? closeable : () -> { });
    }
}
