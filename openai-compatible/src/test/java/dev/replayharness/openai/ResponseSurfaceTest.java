package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.openai.internal.WireJson;

@DisplayName("Responses and chunks carry the whole Chat Completions surface")
class ResponseSurfaceTest {

    @Nested
    @DisplayName("a completion")
    class Completions {

        static final String TOOL_ANSWER = """
                {"id":"c1","object":"chat.completion","created":5,"model":"m","service_tier":"default",
                 "system_fingerprint":"fp_1","brand_new":{"x":1},
                 "choices":[{"index":0,"finish_reason":"tool_calls","stop_reason":200012,
                   "logprobs":{"content":[{"token":"Hum","bytes":[72,117,109],"logprob":-0.027076605707407,
                     "top_logprobs":[{"token":"Hi","bytes":[72,105],"logprob":-3.5}]}],"refusal":null},
                   "message":{"role":"assistant","content":null,"refusal":null,"annotations":null,
                     "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_boiling_point",
                       "arguments":"{\\"liquid_name\\":\\"water\\"}"}}]}}],
                 "usage":{"prompt_tokens":81,"completion_tokens":205,"total_tokens":286,
                   "prompt_tokens_details":{"audio_tokens":0,"cached_tokens":64},
                   "completion_tokens_details":{"reasoning_tokens":150,"accepted_prediction_tokens":0,"x_tokens":3}}}""";

        @Test
        @DisplayName("exposes tool calls, logprobs, fingerprint, tier and usage details")
        void modelledFields() {
            ChatCompletion completion = OpenAiJson.readCompletion(TOOL_ANSWER);
            assertThat(completion.finishReason()).isEqualTo("tool_calls");
            assertThat(completion.toolCalls())
                    .containsExactly(ToolCall.function("call_1", "get_boiling_point", "{\"liquid_name\":\"water\"}"));
            assertThat(completion.content()).isNull();
            assertThat(completion.systemFingerprint()).isEqualTo("fp_1");
            assertThat(completion.serviceTier()).isEqualTo("default");
            TokenLogprob first =
                    completion.choices().get(0).logprobs().content().get(0);
            assertThat(first.token()).isEqualTo("Hum");
            assertThat(first.logprob()).isEqualTo(-0.027076605707407);
            assertThat(first.bytes()).containsExactly(72, 117, 109);
            assertThat(first.topLogprobs()).extracting(TokenLogprob::token).containsExactly("Hi");
            Usage usage = completion.usage();
            assertThat(usage.cachedTokens()).isEqualTo(64);
            assertThat(usage.promptTokensDetails().audioTokens()).isZero();
            assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(150);
            assertThat(usage.completionTokensDetails().extra()).containsOnlyKeys("x_tokens");
        }

        @Test
        @DisplayName("keeps every field it does not model, on the completion, the choice and the message")
        void unmodelledFieldsKept() {
            ChatCompletion completion = OpenAiJson.readCompletion(TOOL_ANSWER);
            assertThat(completion.extra()).containsOnlyKeys("brand_new");
            assertThat(completion.choices().get(0).extra().get("stop_reason").asInt())
                    .isEqualTo(200012);
            assertThat(completion.message().extra()).containsOnlyKeys("annotations");
            assertThat(WireJson.MAPPER.readTree(OpenAiJson.write(completion)))
                    .isEqualTo(withoutNulls(
                            TOOL_ANSWER,
                            "/choices/0/logprobs",
                            "refusal",
                            "/choices/0/message",
                            "content",
                            "/choices/0/message",
                            "refusal"));
        }
    }

    @Nested
    @DisplayName("a chunk")
    class Chunks {

        static final String BEDROCK_FRAGMENTS = """
                {"id":"rec-38500ff506af","choices":[{"delta":{"content":null,"function_call":null,"refusal":null,
                  "role":null,"tool_calls":[{"index":0,"id":null,"function":{"arguments":"quid","name":null},"type":"function"},
                  {"index":0,"id":null,"function":{"arguments":"_name","name":null},"type":"function"}]},
                  "finish_reason":null,"index":0,"logprobs":null,"obfuscation":"J7xjsW7uWjuP"}],"created":0,
                  "model":"openai.gpt-oss-20b-1:0","object":"chat.completion.chunk","service_tier":"default",
                  "system_fingerprint":null,"usage":null}""";

        @Test
        @DisplayName("reads several tool-call fragments of one index, and keeps Bedrock's obfuscation reachable")
        void bedrockFragments() {
            ChatCompletionChunk chunk = OpenAiJson.readChunk(BEDROCK_FRAGMENTS);
            ChunkChoice choice = chunk.choices().get(0);
            assertThat(choice.delta().toolCalls())
                    .extracting(d -> d.function().arguments())
                    .containsExactly("quid", "_name");
            assertThat(choice.delta().toolCalls()).allSatisfy(d -> {
                assertThat(d.index()).isZero();
                assertThat(d.id()).isNull();
                assertThat(d.type()).isEqualTo("function");
            });
            assertThat(choice.extra().get("obfuscation").asString()).isEqualTo("J7xjsW7uWjuP");
            assertThat(choice.delta().extra()).containsOnlyKeys("function_call");
            assertThat(chunk.serviceTier()).isEqualTo("default");
        }

        @Test
        @DisplayName("reads the usage chunk with empty choices and cached tokens")
        void usageChunk() {
            ChatCompletionChunk chunk = OpenAiJson.readChunk("""
                    {"id":"c","choices":[],"usage":{"completion_tokens":205,"prompt_tokens":81,"total_tokens":286,
                     "completion_tokens_details":null,"prompt_tokens_details":{"audio_tokens":0,"cached_tokens":64}}}""");
            assertThat(chunk.choices()).isEmpty();
            assertThat(chunk.usage().cachedTokens()).isEqualTo(64);
            assertThat(chunk.usage().completionTokensDetails()).isNull();
        }

        @Test
        @DisplayName("reads a refusal delta and its logprobs")
        void refusal() {
            ChatCompletionChunk chunk = OpenAiJson.readChunk("""
                    {"choices":[{"index":0,"delta":{"refusal":"I can't"},
                      "logprobs":{"content":null,"refusal":[{"token":"I","logprob":-0.1,"bytes":[73],"top_logprobs":[]}]}}]}""");
            assertThat(chunk.choices().get(0).delta().refusal()).isEqualTo("I can't");
            assertThat(chunk.choices().get(0).logprobs().refusal())
                    .extracting(TokenLogprob::token)
                    .containsExactly("I");
        }
    }

    /** The JSON with the named null fields removed: modelled nulls are left out when written. */
    static tools.jackson.databind.JsonNode withoutNulls(String json, String... pointerAndField) {
        tools.jackson.databind.JsonNode tree = WireJson.MAPPER.readTree(json);
        for (int i = 0; i < pointerAndField.length; i += 2) {
            ((tools.jackson.databind.node.ObjectNode) tree.at(pointerAndField[i])).remove(pointerAndField[i + 1]);
        }
        return tree;
    }
}
