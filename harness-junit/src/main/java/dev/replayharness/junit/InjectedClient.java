package dev.replayharness.junit;

import dev.replayharness.core.HarnessSession;

/**
 * SPI: a client type of another library that {@code @Recorded} tests may take as a parameter, made once per
 * test invocation from that test's session and closed by JUnit after it. An adapter module registers one in
 * {@code META-INF/services/dev.replayharness.junit.InjectedClient}; with that module on the test classpath,
 * a test simply declares the parameter:
 *
 * <pre>{@code
 * @Test
 * void answers(okhttp3.OkHttpClient http) { … }   // harness-okhttp's provider
 * }</pre>
 *
 * <p>The types the extension injects itself ({@code java.net.http.HttpClient}, the Apache clients,
 * {@code HarnessSession}, {@code HttpClientWiring}) cannot be taken over; two providers of one type fail
 * the test, naming both.
 *
 * @param <T> the client type
 */
public interface InjectedClient<T> {

    /** The parameter type this provider makes. */
    Class<T> type();

    /** A new client routed through {@code session}. */
    T open(HarnessSession session);

    /** Releases what {@link #open} made (threads, pools); called once, after the test. Default: nothing. */
    default void close(T client) throws Exception {
    }
}
