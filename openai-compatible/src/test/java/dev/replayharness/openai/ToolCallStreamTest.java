package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayName("Streamed tool calls are put back together")
class ToolCallStreamTest {

    /** Set {@value} to a seed printed by a failure to run that case again. */
    static final String SEED_PROPERTY = "replayharness.test.toolCallSeed";

    @Nested
    @DisplayName("in the shape Bedrock streams them")
    class BedrockShape {

        @Test
        @DisplayName("reasoning first, then id and name, then same-index argument fragments, several per chunk")
        void bedrockToolCall() {
            StreamedCompletion completion = accumulate(
                    chunk(new Delta("assistant", "", null), null),
                    chunk(new Delta(null, "<reasoning>We need get_boiling_point.</reasoning>", null), null),
                    chunk(
                            fragments(new ToolCallDelta(
                                    0,
                                    "chatcmpl-tool-93e7",
                                    "function",
                                    new FunctionCall("get_boiling_point", "{\"li"))),
                            null),
                    chunk(fragments(piece(0, "quid"), piece(0, "_name"), piece(0, "\":\""), piece(0, "my")), null),
                    chunk(fragments(piece(0, "awesomeliquid\"}")), null),
                    chunk(new Delta(null, null, null), "tool_calls"),
                    usageChunk(new Usage(229, 79, 308)));
            assertThat(completion.toolCalls())
                    .containsExactly(ToolCall.function(
                            "chatcmpl-tool-93e7", "get_boiling_point", "{\"liquid_name\":\"myawesomeliquid\"}"));
            assertThat(completion.reasoning()).isEqualTo("We need get_boiling_point.");
            assertThat(completion.content()).isEmpty();
            assertThat(completion.finishReason()).isEqualTo("tool_calls");
            assertThat(completion.usage()).isEqualTo(new Usage(229, 79, 308));
            ChatCompletion asCompletion = completion.toChatCompletion();
            assertThat(asCompletion.toolCalls()).isEqualTo(completion.toolCalls());
            assertThat(asCompletion.finishReason()).isEqualTo("tool_calls");
        }

        @Test
        @DisplayName("several calls in parallel, their fragments interleaved")
        void parallelCalls() {
            StreamedCompletion completion = accumulate(
                    chunk(fragments(new ToolCallDelta(0, "a", "function", new FunctionCall("f", "{\"x\":"))), null),
                    chunk(fragments(new ToolCallDelta(1, "b", "function", new FunctionCall("g", ""))), null),
                    chunk(fragments(piece(1, "{\"y\":2}"), piece(0, "1}")), "tool_calls"));
            assertThat(completion.toolCalls())
                    .containsExactly(
                            ToolCall.function("a", "f", "{\"x\":1}"), ToolCall.function("b", "g", "{\"y\":2}"));
        }

        @Test
        @DisplayName(
                "a later fragment with an empty id (\"\" where Bedrock sends null) continues the call, as a blank id names none")
        void emptyIdContinues() {
            StreamedCompletion completion = accumulate(
                    chunk(fragments(new ToolCallDelta(0, "a", "function", new FunctionCall("f", "{\"x\":"))), null),
                    chunk(fragments(new ToolCallDelta(0, "", "function", new FunctionCall("", "1}"))), "tool_calls"));
            assertThat(completion.toolCalls()).containsExactly(ToolCall.function("a", "f", "{\"x\":1}"));
        }

        @Test
        @DisplayName("a new id at an index already used opens another call instead of corrupting the first")
        void sameIndexNewId() {
            StreamedCompletion completion = accumulate(
                    chunk(fragments(new ToolCallDelta(0, "a", "function", new FunctionCall("f", "{}"))), null),
                    chunk(fragments(new ToolCallDelta(0, "b", "function", new FunctionCall("g", "{}"))), null));
            assertThat(completion.toolCalls()).extracting(ToolCall::id).containsExactly("a", "b");
        }

        @Test
        @DisplayName("logprobs of the chunks are concatenated and the usage details kept")
        void logprobsAndUsage() {
            TokenLogprob hum = new TokenLogprob("Hum", -0.02, List.of(72, 117, 109), List.of(), null);
            TokenLogprob ans = new TokenLogprob("ans", -0.01, List.of(97, 110, 115), List.of(), null);
            Usage usage = new Usage(81, 205, 286, new Usage.PromptTokensDetails(64, 0, null), null, null);
            StreamedCompletion completion = accumulate(
                    new ChatCompletionChunk(
                            "c",
                            null,
                            0L,
                            "m",
                            List.of(new ChunkChoice(
                                    0,
                                    new Delta(null, "Hum", null),
                                    null,
                                    new Logprobs(List.of(hum), null, null),
                                    null)),
                            null,
                            null,
                            "default"),
                    new ChatCompletionChunk(
                            "c",
                            null,
                            0L,
                            "m",
                            List.of(new ChunkChoice(
                                    0,
                                    new Delta(null, "ans", null),
                                    "stop",
                                    new Logprobs(List.of(ans), null, null),
                                    null)),
                            null,
                            null,
                            "default"),
                    usageChunk(usage));
            assertThat(completion.logprobs().content()).containsExactly(hum, ans);
            assertThat(completion.usage().cachedTokens()).isEqualTo(64);
            assertThat(completion.serviceTier()).isEqualTo("default");
            assertThat(completion.toolCalls()).isEmpty();
        }
    }

    @Nested
    @DisplayName("whatever way whole calls are split")
    class Randomized {

        @RepeatedTest(200)
        @DisplayName("random split points, fragment groupings and chunk boundaries give back the whole calls")
        void randomSplits() {
            long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
            try {
                checkOneCase(new Random(seed));
            } catch (AssertionError e) {
                throw new AssertionError(
                        "tool-call merge failed for seed " + seed + " (rerun with -D" + SEED_PROPERTY + "=" + seed
                                + "): " + e.getMessage(),
                        e);
            }
        }

        private void checkOneCase(Random random) {
            List<ToolCall> calls = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                calls.add(ToolCall.function(
                        "call_" + i + "_" + random.nextInt(1000), "fn" + random.nextInt(10), randomArguments(random)));
            }
            // Per call: a first fragment (id, type, name, maybe a prefix), then pieces; fragments of
            // different calls interleave, but each call's stay in order, as on the wire.
            List<List<ToolCallDelta>> perCall = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                perCall.add(split(i, calls.get(i), random));
            }
            List<ToolCallDelta> sequence = new ArrayList<>();
            int[] next = new int[calls.size()];
            while (sequence.size() < perCall.stream().mapToInt(List::size).sum()) {
                int call = random.nextInt(calls.size());
                // Parallel calls may interleave only after each has opened in index order.
                if (next[call] < perCall.get(call).size() && (next[call] > 0 || call == 0 || next[call - 1] > 0)) {
                    sequence.add(perCall.get(call).get(next[call]++));
                }
            }
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            chunks.add(chunk(new Delta("assistant", "", null), null));
            if (random.nextBoolean()) {
                chunks.add(chunk(new Delta(null, "<reasoning>think</reasoning>", null), null));
            }
            for (int at = 0; at < sequence.size(); ) {
                int group = 1 + random.nextInt(Math.min(6, sequence.size() - at));
                chunks.add(chunk(new Delta(null, null, null, null, sequence.subList(at, at + group), null), null));
                at += group;
            }
            chunks.add(chunk(new Delta(null, null, null), "tool_calls"));
            // Through the JSON wire form, as a real stream is read.
            StreamAccumulator accumulator = new StreamAccumulator();
            chunks.forEach(c -> accumulator.add(OpenAiJson.readChunk(OpenAiJson.write(c))));
            StreamedCompletion result = accumulator.result();
            assertThat(result.toolCalls()).isEqualTo(calls);
            assertThat(result.finishReason()).isEqualTo("tool_calls");
        }

        private List<ToolCallDelta> split(int index, ToolCall call, Random random) {
            String arguments = call.arguments();
            List<Integer> cuts = new ArrayList<>();
            cuts.add(
                    whole(arguments, random.nextInt(arguments.length() + 1))); // the first fragment's share, maybe none
            while (cuts.get(cuts.size() - 1) < arguments.length()) {
                int last = cuts.get(cuts.size() - 1);
                cuts.add(whole(arguments, last + 1 + random.nextInt(Math.min(8, arguments.length() - last))));
            }
            List<ToolCallDelta> fragments = new ArrayList<>();
            fragments.add(new ToolCallDelta(
                    index, call.id(), "function", new FunctionCall(call.name(), arguments.substring(0, cuts.get(0)))));
            for (int i = 1; i < cuts.size(); i++) {
                // Bedrock repeats "type" on every fragment; OpenAI does not: both must merge.
                fragments.add(new ToolCallDelta(
                        index,
                        null,
                        random.nextBoolean() ? "function" : null,
                        new FunctionCall(null, arguments.substring(cuts.get(i - 1), cuts.get(i)))));
            }
            return fragments;
        }

        /** A cut never falls inside a surrogate pair: servers send whole code points. */
        private int whole(String text, int cut) {
            return cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut + 1 : cut;
        }

        private String randomArguments(Random random) {
            StringBuilder json = new StringBuilder("{");
            int fields = random.nextInt(4);
            String alphabet = "abcxyz _\"\\/:{}[],é€😀";
            for (int i = 0; i < fields; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"");
                int length = random.nextInt(12);
                for (int c = 0; c < length; c++) {
                    int at = random.nextInt(alphabet.length());
                    // Never cut a surrogate pair into a lone half: the wire is UTF-8 JSON.
                    json.append(
                            Character.isSurrogate(alphabet.charAt(at)) ? "😀" : String.valueOf(alphabet.charAt(at)));
                }
                json.append('"');
            }
            return json.append('}').toString();
        }
    }

    @Nested
    @DisplayName("with several choices (n > 1)")
    class SeveralChoices {

        static ChatCompletionChunk choiceChunk(int index, Delta delta, String finishReason) {
            return new ChatCompletionChunk(
                    "c",
                    "chat.completion.chunk",
                    0L,
                    "m",
                    List.of(new ChunkChoice(index, delta, finishReason)),
                    null,
                    null,
                    null);
        }

        @Test
        @DisplayName("each choice is accumulated on its own; result() is the first, toChatCompletion() keeps them all")
        void interleaved() {
            StreamAccumulator accumulator = new StreamAccumulator();
            accumulator.add(choiceChunk(0, new Delta("assistant", "Ear", null), null));
            accumulator.add(choiceChunk(1, new Delta("assistant", "", null), null));
            accumulator.add(choiceChunk(
                    1, fragments(new ToolCallDelta(0, "b", "function", new FunctionCall("g", "{}"))), null));
            accumulator.add(choiceChunk(0, new Delta(null, "th", null), "stop"));
            accumulator.add(choiceChunk(1, new Delta(null, null, null), "tool_calls"));
            accumulator.add(usageChunk(new Usage(5, 7, 12)));

            assertThat(accumulator.choiceCount()).isEqualTo(2);
            assertThat(accumulator.result().content()).isEqualTo("Earth");
            assertThat(accumulator.result().toolCalls()).isEmpty();
            assertThat(accumulator.result(1).toolCalls()).containsExactly(ToolCall.function("b", "g", "{}"));
            ChatCompletion whole = accumulator.toChatCompletion();
            assertThat(whole.choices()).extracting(Choice::index).containsExactly(0, 1);
            assertThat(whole.choices()).extracting(Choice::finishReason).containsExactly("stop", "tool_calls");
            assertThat(whole.choices().get(1).message().toolCalls()).containsExactly(ToolCall.function("b", "g", "{}"));
            assertThat(whole.usage()).isEqualTo(new Usage(5, 7, 12));
        }
    }

    static ToolCallDelta piece(int index, String arguments) {
        return new ToolCallDelta(index, null, "function", new FunctionCall(null, arguments));
    }

    static Delta fragments(ToolCallDelta... deltas) {
        return new Delta(null, null, null, null, List.of(deltas), null);
    }

    static ChatCompletionChunk chunk(Delta delta, String finishReason) {
        return new ChatCompletionChunk(
                "c",
                "chat.completion.chunk",
                0L,
                "m",
                List.of(new ChunkChoice(0, delta, finishReason)),
                null,
                null,
                null);
    }

    static ChatCompletionChunk usageChunk(Usage usage) {
        return new ChatCompletionChunk("c", "chat.completion.chunk", 0L, "m", List.of(), usage, null, null);
    }

    static StreamedCompletion accumulate(ChatCompletionChunk... chunks) {
        StreamAccumulator accumulator = new StreamAccumulator();
        for (ChatCompletionChunk chunk : chunks) {
            accumulator.add(chunk);
        }
        return accumulator.result();
    }
}
