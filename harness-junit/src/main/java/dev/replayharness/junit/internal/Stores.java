package dev.replayharness.junit.internal;

import java.util.function.Function;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

import dev.replayharness.junit.RecordReplayExtension;

/** The extension's store, used the same way on JUnit 5.12 and 6. */
final class Stores {
    static final Namespace NAMESPACE = Namespace.create(RecordReplayExtension.class);

    private Stores() {}

    static Store of(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    /**
     * {@code getOrComputeIfAbsent}: deprecated in JUnit 6 in favour of {@code computeIfAbsent}, which JUnit 5.12
     * lacks. Atomic, which a get-then-put would not be under parallel execution.
     */
    @SuppressWarnings({"deprecation", "removal"})
    static <K, V> V computeIfAbsent(Store store, K key, Function<K, V> creator, Class<V> type) {
        return store.getOrComputeIfAbsent(key, creator, type);
    }

    /**
     * A store value JUnit closes when its context ends. JUnit 6 closes {@link AutoCloseable} values;
     * JUnit 5.12 only closes {@code CloseableResource}s. A value that is both is closed exactly once on
     * either (JUnit 6 checks {@code AutoCloseable} first).
     */
    // "try": JUnit, not a try-with-resources, closes these; whatever close() throws is reported as a failure.
    @SuppressWarnings({"deprecation", "removal", "try"})
    interface Closeable extends AutoCloseable, Store.CloseableResource {
        @Override
        void close() throws Exception;
    }

    /** Someone else's resource, closed with the store. */
    @SuppressWarnings("try")
    record Closing<T>(T value, AutoCloseable closer) implements Closeable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }
}
