package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON wire form")
class WireFormatTest {

    @Nested
    @DisplayName("of a request")
    class Requests {

        @Test
        @DisplayName("is snake_case, in declaration order, without nulls")
        void snakeCaseNoNulls() {
            ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                    .system("be brief")
                    .user("hi")
                    .temperature(0.7)
                    .topP(0.9)
                    .maxTokens(50)
                    .maxCompletionTokens(60)
                    .seed(7L)
                    .reasoningEffort("low")
                    .stream(true)
                    .includeUsage(true)
                    .build();
            assertThat(OpenAiJson.write(request))
                    .isEqualTo("{\"model\":\"m\",\"messages\":["
                            + "{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}],"
                            + "\"temperature\":0.7,\"top_p\":0.9,\"max_tokens\":50,\"max_completion_tokens\":60,"
                            + "\"seed\":7,\"reasoning_effort\":\"low\",\"stream\":true,"
                            + "\"stream_options\":{\"include_usage\":true}}");
        }

        @Test
        @DisplayName("writes stop as a string or a list, as it was given")
        void stopForms() {
            assertThat(OpenAiJson.write(ChatCompletionRequest.builder("m")
                            .user("x")
                            .stop("END")
                            .build()))
                    .contains("\"stop\":\"END\"");
            assertThat(OpenAiJson.write(ChatCompletionRequest.builder("m")
                            .user("x")
                            .stop(List.of("a", "b"))
                            .build()))
                    .contains("\"stop\":[\"a\",\"b\"]");
        }

        @Test
        @DisplayName("writes extra fields at top level and keeps tools")
        void extraFieldsAndTools() {
            ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                    .user("x")
                    .tools(Tool.function("weather", null, (tools.jackson.databind.JsonNode) null))
                    .extraField("n", 1)
                    .extraField("logit_bias", Map.of())
                    .build();
            String json = OpenAiJson.write(request);
            assertThat(json)
                    .endsWith(",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}],"
                            + "\"n\":1,\"logit_bias\":{}}");
            assertThat(json).doesNotContain("extra_fields");
        }

        @Test
        @DisplayName("reads back to an equal request, unknown fields landing in extraFields")
        void roundTrip() {
            ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                    .user("x")
                    .stop("s")
                    .seed(1L)
                    .extraField("n", 2)
                    .build();
            assertThat(OpenAiJson.readRequest(OpenAiJson.write(request))).isEqualTo(request);
        }

        @Test
        @DisplayName("refuses an extra field that shadows a modelled one")
        void extraCannotShadow() {
            assertThatThrownBy(() -> ChatCompletionRequest.builder("m").extraField("top_p", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"top_p\" is a modelled request field");
        }

        @Test
        @DisplayName("needs a model and at least one message")
        void required() {
            assertThatThrownBy(
                            () -> ChatCompletionRequest.builder(" ").user("x").build())
                    .hasMessageContaining("needs a model name");
            assertThatThrownBy(() -> ChatCompletionRequest.builder("m").build())
                    .hasMessageContaining("at least one message");
        }
    }

    @Nested
    @DisplayName("of a response")
    class Responses {

        @Test
        @DisplayName("tolerates unknown and null fields")
        void tolerant() {
            ChatCompletion completion = OpenAiJson.readCompletion("""
                    {"id":"c1","object":"chat.completion","created":0,"model":"m","service_tier":"default",
                     "system_fingerprint":null,"brand_new_field":{"x":1},
                     "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                       "message":{"role":"assistant","content":"<reasoning>r</reasoning>A","refusal":null,"tool_calls":null}}],
                     "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"completion_tokens_details":null}}
                    """);
            assertThat(completion.content()).isEqualTo("A");
            assertThat(completion.reasoning()).isEqualTo("r");
            assertThat(completion.rawContent()).isEqualTo("<reasoning>r</reasoning>A");
            assertThat(completion.finishReason()).isEqualTo("stop");
            assertThat(completion.usage()).isEqualTo(new Usage(1, 2, 3));
            assertThat(completion.serviceTier()).isEqualTo("default");
        }

        @Test
        @DisplayName("accepts reasoning in a reasoning_content or reasoning field")
        void reasoningFields() {
            ChatCompletion vllm = OpenAiJson.readCompletion("""
                    {"choices":[{"message":{"role":"assistant","content":"A","reasoning_content":"r1"}}]}""");
            ChatCompletion ollama = OpenAiJson.readCompletion("""
                    {"choices":[{"message":{"role":"assistant","content":"A","reasoning":"r2"}}]}""");
            assertThat(vllm.reasoning()).isEqualTo("r1");
            assertThat(vllm.message().reasoningField()).isEqualTo("r1");
            assertThat(OpenAiJson.write(vllm.message()))
                    .as("sent back under the name it came with")
                    .isEqualTo("{\"role\":\"assistant\",\"content\":\"A\",\"reasoning_content\":\"r1\"}");
            assertThat(ollama.reasoning()).isEqualTo("r2");
            assertThat(ollama.content()).isEqualTo("A");
        }

        @Test
        @DisplayName("reads a usage chunk with empty choices and an obfuscation field")
        void usageChunk() {
            ChatCompletionChunk chunk = OpenAiJson.readChunk("""
                    {"id":"c","object":"chat.completion.chunk","choices":[],"obfuscation":"xYz",
                     "usage":{"prompt_tokens":5,"completion_tokens":6,"total_tokens":11}}""");
            assertThat(chunk.choices()).isEmpty();
            assertThat(chunk.usage().totalTokens()).isEqualTo(11);
            assertThat(chunk.rawContentDelta()).isEmpty();
        }

        @Test
        @DisplayName("reports a body that is not JSON with its type and start")
        void notJson() {
            assertThatThrownBy(() -> OpenAiJson.readCompletion("<html>Bad gateway</html>"))
                    .isInstanceOf(OpenAiProtocolException.class)
                    .hasMessageContaining("expected a ChatCompletion")
                    .hasMessageContaining("text starts: <html>Bad gateway</html>");
        }

        @Test
        @DisplayName("explains a 2xx completion without choices instead of failing with a bare exception")
        void noChoices() {
            ChatCompletion empty = OpenAiJson.readCompletion("{\"id\":\"c9\",\"choices\":[]}");
            assertThatThrownBy(empty::content)
                    .isInstanceOf(OpenAiProtocolException.class)
                    .hasMessageContaining("chat completion c9 has no choice");
        }
    }
}
