package dev.replayharness.langchain4j;

import java.util.Objects;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;

import dev.replayharness.core.HarnessSession;

/**
 * LangChain4j models through the harness, in one line of wiring:
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *         .httpClientBuilder(HarnessLangChain4j.builder(session))
 *         .baseUrl("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1")
 *         .apiKey(key).modelName("openai.gpt-oss-20b-1:0")
 *         .build();
 * }</pre>
 *
 * <p>Works for every model built on {@code langchain4j-http-client} ({@code OpenAiChatModel},
 * {@code OpenAiStreamingChatModel}, the Anthropic, Gemini, Ollama… models): plain calls and server-sent
 * event streams are recorded (each event as it arrives, passed on to the model at once) and replayed. In
 * replay the delegate client is never called, so no connection is opened. A replay miss is thrown as the
 * harness's {@code ReplayMissError} from the model call itself — for streaming models too, from
 * {@code chat(…, handler)} — so LangChain4j neither retries it (its retry catches only {@code Exception}s)
 * nor wraps it.
 */
public final class HarnessLangChain4j {

    private HarnessLangChain4j() {}

    /**
     * A builder whose clients record and replay through {@code session} and, when they call upstream, send
     * with the client LangChain4j would pick itself ({@link HttpClientBuilderLoader}: the JDK client of
     * {@code langchain4j-http-client-jdk} unless another is on the class path).
     */
    public static HarnessHttpClientBuilder builder(HarnessSession session) {
        Objects.requireNonNull(session, "session");
        return new HarnessHttpClientBuilder(session, HttpClientBuilderLoader.loadHttpClientBuilder());
    }

    /**
     * A builder whose clients record and replay through {@code session} and call upstream with the clients
     * {@code delegate} builds (its timeouts are set through this builder).
     */
    public static HarnessHttpClientBuilder builder(HarnessSession session, HttpClientBuilder delegate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(delegate, "delegate");
        return new HarnessHttpClientBuilder(session, delegate);
    }
}
