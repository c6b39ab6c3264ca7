package dev.replayharness.junit;

import dev.replayharness.core.HarnessSession;

/**
 * SPI for adapter modules: a type of another library (a client, or a builder of clients) that
 * {@code @Recorded} tests and their {@code @BeforeEach}/{@code @AfterEach} methods may take as a parameter,
 * made from the test invocation's session once per invocation and closed by JUnit after it. Register an
 * implementation in {@code META-INF/services/dev.replayharness.junit.SessionParameter}; with the module on
 * the test classpath, a test simply declares the parameter:
 *
 * <pre>{@code
 * @Test
 * void answers(okhttp3.OkHttpClient http) { … }   // harness-okhttp's provider
 * }</pre>
 *
 * <p>{@code harness-okhttp} provides {@code OkHttpClient}, {@code harness-langchain4j} LangChain4j's
 * {@code HttpClientBuilder}, {@code harness-spring} {@code RestClient.Builder} and {@code WebClient.Builder}.
 * A provider whose library is not on the classpath is skipped. The types the extension injects itself
 * ({@code java.net.http.HttpClient}, the Apache clients, {@code HarnessSession}, {@code HttpClientWiring})
 * cannot be taken over, and two providers of one type fail the test, naming both.
 *
 * @param <T> the injected type
 */
public interface SessionParameter<T> {

    /** The exact parameter type this provider makes. */
    Class<T> type();

    /** A new value routed through {@code session}. */
    T create(HarnessSession session);

    /**
     * Releases what {@link #create} made (threads, pools); called once, when the test invocation ends.
     * Default: closes the value if it is {@link AutoCloseable}.
     */
    default void close(T value) throws Exception {
        if (value instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
