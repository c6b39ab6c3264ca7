package dev.replayharness.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional parameters of a {@link ChatCompletionRequest} as its {@link ChatCompletionRequest.Builder}
 * collects them: sampling, stopping, streaming, tools, output format, and extra top-level fields. Null
 * means "not set": the parameter is left out of the wire form. Not API on its own: use it through
 * {@link ChatCompletionRequest#builder(String)}.
 *
 * <p>The setters return {@link ChatCompletionRequest.Builder} itself, not a type variable, so that they keep
 * the signatures they had when they were declared there.
 */
abstract class ChatCompletionOptions {
    Double temperature;
    Double topP;
    Integer maxTokens;
    Integer maxCompletionTokens;
    Stop stop;
    Long seed;
    String reasoningEffort;
    Boolean stream;
    StreamOptions streamOptions;
    List<Tool> tools;
    ToolChoice toolChoice;
    Boolean parallelToolCalls;
    ResponseFormat responseFormat;
    Boolean logprobs;
    Integer topLogprobs;
    String serviceTier;
    final Map<String, Object> extraFields = new LinkedHashMap<>();

    ChatCompletionOptions() {}

    private ChatCompletionRequest.Builder self() {
        return (ChatCompletionRequest.Builder) this; // the only subclass
    }

    public ChatCompletionRequest.Builder temperature(Double value) {
        this.temperature = value;
        return self();
    }

    public ChatCompletionRequest.Builder topP(Double value) {
        this.topP = value;
        return self();
    }

    public ChatCompletionRequest.Builder maxTokens(Integer value) {
        this.maxTokens = value;
        return self();
    }

    public ChatCompletionRequest.Builder maxCompletionTokens(Integer value) {
        this.maxCompletionTokens = value;
        return self();
    }

    public ChatCompletionRequest.Builder stop(String value) {
        this.stop = Stop.of(value);
        return self();
    }

    public ChatCompletionRequest.Builder stop(List<String> values) {
        this.stop = Stop.of(values);
        return self();
    }

    public ChatCompletionRequest.Builder seed(Long value) {
        this.seed = value;
        return self();
    }

    public ChatCompletionRequest.Builder reasoningEffort(String value) {
        this.reasoningEffort = value;
        return self();
    }

    public ChatCompletionRequest.Builder stream(Boolean value) {
        this.stream = value;
        return self();
    }

    public ChatCompletionRequest.Builder includeUsage(boolean value) {
        this.streamOptions = new StreamOptions(value);
        return self();
    }

    public ChatCompletionRequest.Builder tools(List<Tool> values) {
        this.tools = values;
        return self();
    }

    public ChatCompletionRequest.Builder tools(Tool... values) {
        this.tools = List.of(values);
        return self();
    }

    public ChatCompletionRequest.Builder toolChoice(ToolChoice value) {
        this.toolChoice = value;
        return self();
    }

    public ChatCompletionRequest.Builder parallelToolCalls(Boolean value) {
        this.parallelToolCalls = value;
        return self();
    }

    public ChatCompletionRequest.Builder responseFormat(ResponseFormat value) {
        this.responseFormat = value;
        return self();
    }

    public ChatCompletionRequest.Builder logprobs(Boolean value) {
        this.logprobs = value;
        return self();
    }

    public ChatCompletionRequest.Builder topLogprobs(Integer value) {
        this.topLogprobs = value;
        return self();
    }

    public ChatCompletionRequest.Builder serviceTier(String value) {
        this.serviceTier = value;
        return self();
    }

    /**
     * Adds a top-level field this type does not model.
     *
     * @throws IllegalArgumentException if {@code name} is a modelled field; use its own method
     */
    public ChatCompletionRequest.Builder extraField(String name, Object value) {
        if (ChatCompletionRequest.MODELLED_FIELDS.contains(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is a modelled request field;"
                    + " set it with its own builder method instead of extraField");
        }
        extraFields.put(name, value);
        return self();
    }
}
