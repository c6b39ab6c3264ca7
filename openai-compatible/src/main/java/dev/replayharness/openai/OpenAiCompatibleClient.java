package dev.replayharness.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.replayharness.openai.internal.ErrorResponses;
import dev.replayharness.openai.internal.ModelListJson;

/**
 * A Chat Completions client for any OpenAI-compatible server, over an injected
 * {@link HttpClient}. It sends what it is given and reports what it gets: retries, model names
 * and authentication policy belong to the provider using it.
 *
 * <p>Calls use {@link HttpClient#send} only (a wrapping client that records or replays traffic
 * sees every exchange), and streams use {@link HttpResponse.BodyHandlers#ofInputStream()} so
 * chunks are handed over as the server sends them.
 *
 * <pre>{@code
 * OpenAiCompatibleClient client = OpenAiCompatibleClient.builder()
 *         .baseUri(URI.create("https://host/openai/v1"))
 *         .httpClient(HttpClient.newHttpClient())
 *         .headers(() -> Map.of("Authorization", "Bearer " + token))
 *         .build();
 * }</pre>
 */
public final class OpenAiCompatibleClient {

    private final URI chatCompletionsUri;
    private final URI modelsUri;
    private final HttpClient httpClient;
    private final Supplier<Map<String, String>> headers;
    private final Duration requestTimeout;

    private OpenAiCompatibleClient(Builder builder) {
        this.chatCompletionsUri = ChatEndpoint.chatCompletions(builder.baseUri);
        this.modelsUri = ChatEndpoint.models(chatCompletionsUri);
        this.httpClient = Objects.requireNonNull(builder.httpClient, "httpClient");
        this.headers = builder.headers;
        this.requestTimeout = builder.requestTimeout;
    }

    /** A builder; a base URI and an {@link HttpClient} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a non-streaming request and returns the parsed completion.
     *
     * @throws IllegalArgumentException if the request asks to stream
     * @throws OpenAiHttpException on a non-2xx answer
     * @throws OpenAiTransportException when no answer arrives
     * @throws OpenAiProtocolException when the answer is not a chat completion
     */
    public ChatCompletion createChatCompletion(ChatCompletionRequest request) {
        if (Boolean.TRUE.equals(request.stream())) {
            throw new IllegalArgumentException("the request has stream=true; use streamChatCompletion for it");
        }
        Map<String, String> sent = headers.get();
        HttpResponse<byte[]> response =
                send(post(request, "application/json", sent), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (!isSuccess(response.statusCode())) {
            throw ErrorResponses.toException(endpoint(), response.statusCode(), response.headers(), body, sent);
        }
        return OpenAiJson.readCompletion(body);
    }

    /**
     * Sends a request with {@code stream=true} and returns the stream of chunks once the response
     * headers have arrived. The caller must close the stream.
     *
     * @throws IllegalArgumentException if the request says {@code stream=false}
     * @throws OpenAiHttpException on a non-2xx answer (the error body is read and the body closed)
     * @throws OpenAiTransportException when no answer arrives
     */
    public ChatCompletionStream streamChatCompletion(ChatCompletionRequest request) {
        if (Boolean.FALSE.equals(request.stream())) {
            throw new IllegalArgumentException("the request has stream=false; use createChatCompletion for it");
        }
        Map<String, String> sent = headers.get();
        HttpRequest httpRequest = post(request.withStream(true), "text/event-stream", sent);
        HttpResponse<InputStream> response = send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        if (!isSuccess(response.statusCode())) {
            throw ErrorResponses.toException(
                    endpoint(), response.statusCode(), response.headers(), readErrorBody(response.body()), sent);
        }
        return new ChatCompletionStream(response.body(), endpoint());
    }

    /**
     * {@code GET /models}: the models the server offers, through the same {@link HttpClient} (so a
     * recording client records and replays it like any call). Reads OpenAI's
     * {@code {"object": "list", "data": [...]}} and also a bare list.
     *
     * @throws OpenAiHttpException on a non-2xx answer
     * @throws OpenAiTransportException when no answer arrives
     * @throws OpenAiProtocolException when the answer is not a model list
     */
    public List<Model> listModels() {
        Map<String, String> sent = headers.get();
        HttpRequest.Builder builder = HttpRequest.newBuilder(modelsUri).GET().header("Accept", "application/json");
        if (requestTimeout != null) {
            builder.timeout(requestTimeout);
        }
        sent.forEach(builder::setHeader);
        HttpResponse<byte[]> response =
                send(builder.build(), HttpResponse.BodyHandlers.ofByteArray(), "GET " + modelsUri);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (!isSuccess(response.statusCode())) {
            throw ErrorResponses.toException("GET " + modelsUri, response.statusCode(), response.headers(), body, sent);
        }
        return ModelListJson.read(body, "GET " + modelsUri);
    }

    /** The URI the model list is read from. */
    public URI modelsUri() {
        return modelsUri;
    }

    /** The URI requests are posted to. */
    public URI chatCompletionsUri() {
        return chatCompletionsUri;
    }

    /** Shows the endpoint only; header values (tokens) never appear. */
    @Override
    public String toString() {
        return "OpenAiCompatibleClient[" + chatCompletionsUri + "]";
    }

    private HttpRequest post(ChatCompletionRequest request, String accept, Map<String, String> sent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(chatCompletionsUri)
                .POST(HttpRequest.BodyPublishers.ofString(OpenAiJson.write(request), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept", accept);
        if (requestTimeout != null) {
            builder.timeout(requestTimeout);
        }
        sent.forEach(builder::setHeader);
        return builder.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return send(request, handler, endpoint());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String endpoint) {
        try {
            return httpClient.send(request, handler);
        } catch (IOException e) {
            throw new OpenAiTransportException(endpoint + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiTransportException(endpoint + " was interrupted while waiting for the answer", e);
        }
    }

    private static String readErrorBody(InputStream body) {
        try (body) {
            return new String(body.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String endpoint() {
        return "POST " + chatCompletionsUri;
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** Settings of an {@link OpenAiCompatibleClient}. */
    public static final class Builder {
        private URI baseUri;
        private HttpClient httpClient;
        private Supplier<Map<String, String>> headers = Map::of;
        private Duration requestTimeout;

        private Builder() {}

        /** The API root, ending in the version segment, e.g. {@code https://host/openai/v1}. */
        public Builder baseUri(URI value) {
            this.baseUri = value;
            return this;
        }

        /** The HTTP client to send with; it is used, never closed or reconfigured. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /**
         * Headers added to every request, asked for anew each time (so a token can be refreshed),
         * e.g. {@code Authorization}. Their values never appear in messages or {@code toString()}.
         */
        public Builder headers(Supplier<Map<String, String>> value) {
            this.headers = Objects.requireNonNull(value);
            return this;
        }

        /** Time allowed until the response headers arrive; null leaves it to the HTTP client. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** @throws IllegalArgumentException if the base URI is missing or not an absolute http(s) URI */
        public OpenAiCompatibleClient build() {
            return new OpenAiCompatibleClient(this);
        }
    }
}
