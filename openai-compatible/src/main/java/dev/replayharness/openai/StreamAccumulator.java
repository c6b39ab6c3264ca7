package dev.replayharness.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.replayharness.openai.internal.ChoiceAccumulator;

/**
 * Adds up chunks into a {@link StreamedCompletion}. Each choice is accumulated by its
 * {@code index} (a server streaming {@code n > 1} alternatives interleaves them);
 * {@link #result()} is the first choice (index 0), as the convenience accessors of
 * {@link ChatCompletion} are, and {@link #toChatCompletion()} keeps them all.
 *
 * <p>Reasoning is split from the concatenated text, not per delta, so a server that splits a
 * {@code <reasoning>} tag across deltas is handled too. Tool-call fragments are merged by their
 * {@code index} (several may arrive in one chunk); logprobs are concatenated; the usage, service
 * tier and fingerprint are the last ones sent.
 */
public final class StreamAccumulator {

    private final Map<Integer, ChoiceAccumulator> choices = new TreeMap<>();
    private String id;
    private String model;
    private Long created;
    private String systemFingerprint;
    private String serviceTier;
    private Usage usage;
    private int chunkCount;

    /** Adds one chunk. */
    public void add(ChatCompletionChunk chunk) {
        chunkCount++;
        id = chunk.id() != null ? chunk.id() : id;
        model = chunk.model() != null ? chunk.model() : model;
        created = chunk.created() != null ? chunk.created() : created;
        systemFingerprint = chunk.systemFingerprint() != null ? chunk.systemFingerprint() : systemFingerprint;
        serviceTier = chunk.serviceTier() != null ? chunk.serviceTier() : serviceTier;
        usage = chunk.usage() != null ? chunk.usage() : usage;
        for (ChunkChoice choice : chunk.choices()) {
            int index = choice.index() == null ? 0 : choice.index();
            choices.computeIfAbsent(index, i -> new ChoiceAccumulator())
                    .add(choice.delta(), choice.finishReason(), choice.logprobs());
        }
    }

    /** How many choices (distinct {@code index}es) the chunks carried so far; 1 unless the request asked for {@code n > 1}. */
    public int choiceCount() {
        return choices.size();
    }

    /** What the chunks of the first choice (index 0) add up to so far. */
    public StreamedCompletion result() {
        return result(0);
    }

    /** What the chunks of the choice {@code index} add up to so far; empty when none carried it. */
    public StreamedCompletion result(int index) {
        ChoiceAccumulator choice = choices.getOrDefault(index, new ChoiceAccumulator());
        String raw = choice.rawContent();
        ReasoningContent split = ReasoningContent.split(raw, choice.separateReasoning());
        return new StreamedCompletion(
                id,
                model,
                choice.role(),
                raw,
                split.reasoning(),
                split.answer(),
                choice.finishReason(),
                usage,
                chunkCount,
                choice.toolCalls(),
                choice.refusal(),
                choice.logprobs(),
                created,
                systemFingerprint,
                serviceTier);
    }

    /** The whole stream in the shape of a non-streamed completion, every choice included, by index. */
    public ChatCompletion toChatCompletion() {
        List<Choice> all = new ArrayList<>();
        for (int index : choices.keySet()) {
            Choice choice = result(index).toChatCompletion().choices().get(0);
            all.add(new Choice(index, choice.message(), choice.finishReason(), choice.logprobs(), null));
        }
        if (all.isEmpty()) {
            all.addAll(result().toChatCompletion().choices());
        }
        return new ChatCompletion(id, "chat.completion", created, model, all, usage, systemFingerprint, serviceTier);
    }
}
