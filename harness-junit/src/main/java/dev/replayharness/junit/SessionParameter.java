package dev.replayharness.junit;

import dev.replayharness.core.HarnessSession;

/**
 * Extension point for adapter modules: a parameter type that {@code @Recorded} tests (and their
 * {@code @BeforeEach}/{@code @AfterEach} methods) may take, made from the test invocation's session once per
 * invocation. Register an implementation with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.replayharness.junit.SessionParameter}; a provider whose type is not on the class
 * path (its library is absent) is skipped. {@code harness-langchain4j} uses it for LangChain4j's
 * {@code HttpClientBuilder}, {@code harness-spring} for {@code RestClient.Builder} and {@code WebClient.Builder}.
 *
 * <p>A value that is {@link AutoCloseable} is closed by JUnit when the test invocation ends.
 *
 * @param <T> the injected type
 */
public interface SessionParameter<T> {

    /** The exact parameter type this provider makes. */
    Class<T> type();

    /** A new value routed through {@code session}. */
    T create(HarnessSession session);
}
