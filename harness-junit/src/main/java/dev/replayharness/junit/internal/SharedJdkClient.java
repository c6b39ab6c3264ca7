package dev.replayharness.junit.internal;

import java.net.http.HttpClient;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one {@code java.net.http} client that the injected clients of a run send through when they go
 * upstream. A client per test cost a selector thread and a connection pool each (100–260 µs to make,
 * and on Java 17 it cannot be closed: 5,000 tests left 5,000 threads); {@code HttpClient} is made to
 * be shared, and each test still gets its own harness wrapper, bound to its own session.
 */
final class SharedJdkClient implements Stores.Closeable {
    private final HttpClient client = HttpClient.newHttpClient();

    private SharedJdkClient() {}

    /** The run's client, made on first use and closed (on Java 21+) when the run ends. */
    static HttpClient of(ExtensionContext context) {
        return Stores.computeIfAbsent(
                        Stores.of(context.getRoot()),
                        SharedJdkClient.class,
                        k -> new SharedJdkClient(),
                        SharedJdkClient.class)
                .client;
    }

    @Override
    public void close() throws Exception {
        // HttpClient is AutoCloseable from Java 21 on; on 17 its threads end when it is collected.
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
