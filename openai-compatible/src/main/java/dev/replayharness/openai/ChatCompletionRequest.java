package dev.replayharness.openai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A Chat Completions request. Null parameters are left out of the wire form, so the server applies
 * its own defaults. Build one with {@link #builder(String)}.
 *
 * <p>The wire form is written in declaration order with nulls left out, so a request that does
 * not use a parameter serializes exactly as it did before that parameter was modelled (the
 * harness keys recordings by it). Parameters this type does not model go in
 * {@link #extraFields()} and are written as top-level fields, after the modelled ones.
 *
 * <pre>{@code
 * ChatCompletionRequest.builder("openai.gpt-oss-20b-1:0")
 *         .user("What is the boiling point of myawesomeliquid?")
 *         .tools(Tool.function("get_boiling_point", "Boiling point of a liquid", schema))
 *         .build();
 * }</pre>
 *
 * @param model the model name as the server knows it
 * @param messages the conversation, oldest first
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param maxTokens legacy cap on generated tokens
 * @param maxCompletionTokens cap on generated tokens, reasoning included
 * @param stop stop sequence(s)
 * @param seed sampling seed, where supported
 * @param reasoningEffort {@code low}, {@code medium} or {@code high} for reasoning models
 * @param stream whether to stream; the client sets this for you
 * @param streamOptions streaming options such as {@code include_usage}
 * @param tools the tools the model may call
 * @param toolChoice whether and which tool the model must call
 * @param parallelToolCalls whether the model may call several tools in one turn
 * @param responseFormat text, any JSON object, or JSON following a schema
 * @param logprobs whether to return the log probabilities of the generated tokens
 * @param topLogprobs how many most likely alternatives to return per token (needs {@code logprobs})
 * @param serviceTier the service tier to process the request in, e.g. {@code default}
 * @param extraFields further top-level fields, written as they are (a null value as JSON {@code null})
 */
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Stop stop,
        Long seed,
        String reasoningEffort,
        Boolean stream,
        StreamOptions streamOptions,
        List<Tool> tools,
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        ResponseFormat responseFormat,
        Boolean logprobs,
        Integer topLogprobs,
        String serviceTier,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> extraFields) {

    /** Wire names of the modelled fields; an extra field may not reuse one. */
    public static final Set<String> MODELLED_FIELDS = Set.of(
            "model",
            "messages",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "stop",
            "seed",
            "reasoning_effort",
            "stream",
            "stream_options",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "response_format",
            "logprobs",
            "top_logprobs",
            "service_tier");

    public ChatCompletionRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        tools = tools == null ? null : List.copyOf(tools);
        // LinkedHashMap, not Map.copyOf: keeps insertion order on the wire and allows null values.
        extraFields = extraFields == null ? Map.of() : copy(extraFields);
    }

    /** An unmodifiable copy; a JSON tree among the values is copied too, so changing it later changes no request. */
    private static Map<String, Object> copy(Map<String, Object> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((name, value) ->
                copy.put(name, value instanceof tools.jackson.databind.JsonNode json ? json.deepCopy() : value));
        return Collections.unmodifiableMap(copy);
    }

    /** A builder for a request to {@code model}. */
    public static Builder builder(String model) {
        return new Builder().model(model);
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.messages.addAll(messages);
        builder.temperature = temperature;
        builder.topP = topP;
        builder.maxTokens = maxTokens;
        builder.maxCompletionTokens = maxCompletionTokens;
        builder.stop = stop;
        builder.seed = seed;
        builder.reasoningEffort = reasoningEffort;
        builder.stream = stream;
        builder.streamOptions = streamOptions;
        builder.tools = tools;
        builder.toolChoice = toolChoice;
        builder.parallelToolCalls = parallelToolCalls;
        builder.responseFormat = responseFormat;
        builder.logprobs = logprobs;
        builder.topLogprobs = topLogprobs;
        builder.serviceTier = serviceTier;
        builder.extraFields.putAll(extraFields);
        return builder;
    }

    /** This request with another model name. */
    public ChatCompletionRequest withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** This request with other messages. */
    public ChatCompletionRequest withMessages(List<ChatMessage> newMessages) {
        return toBuilder().messages(newMessages).build();
    }

    /** This request with {@code stream} set. */
    public ChatCompletionRequest withStream(boolean newStream) {
        return toBuilder().stream(newStream).build();
    }

    /** True when the request carries a non-empty {@code tools} list. */
    public boolean hasTools() {
        return tools != null && !tools.isEmpty();
    }

    /**
     * Collects the many optional parameters of a request: the model and the conversation here, the
     * sampling, tool and output parameters (and extra fields) in {@link ChatCompletionOptions}.
     */
    public static final class Builder extends ChatCompletionOptions {
        private String model;
        private final List<ChatMessage> messages = new ArrayList<>();

        private Builder() {}

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder message(ChatMessage value) {
            messages.add(value);
            return this;
        }

        public Builder messages(List<ChatMessage> values) {
            messages.clear();
            messages.addAll(values);
            return this;
        }

        public Builder system(String content) {
            return message(ChatMessage.system(content));
        }

        public Builder user(String content) {
            return message(ChatMessage.user(content));
        }

        public Builder user(ContentPart... parts) {
            return message(ChatMessage.user(parts));
        }

        public Builder assistant(String content) {
            return message(ChatMessage.assistant(content));
        }
        /** An assistant turn that called tools; {@code content} may be null. */
        public Builder assistant(String content, List<ToolCall> toolCalls) {
            return message(ChatMessage.assistant(content, toolCalls));
        }
        /** The result of the tool call {@code toolCallId}. */
        public Builder toolResult(String toolCallId, String content) {
            return message(ChatMessage.tool(toolCallId, content));
        }

        /**
         * Builds the request.
         *
         * @throws IllegalArgumentException if the model is blank or there are no messages
         */
        public ChatCompletionRequest build() {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a chat completion request needs a model name");
            }
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a chat completion request needs at least one message");
            }
            return new ChatCompletionRequest(
                    model,
                    messages,
                    temperature,
                    topP,
                    maxTokens,
                    maxCompletionTokens,
                    stop,
                    seed,
                    reasoningEffort,
                    stream,
                    streamOptions,
                    tools,
                    toolChoice,
                    parallelToolCalls,
                    responseFormat,
                    logprobs,
                    topLogprobs,
                    serviceTier,
                    extraFields);
        }
    }
}
