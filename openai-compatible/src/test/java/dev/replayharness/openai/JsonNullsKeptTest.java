package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A JSON null the caller or the server wrote is not an absent field")
class JsonNullsKeptTest {

    @Nested
    @DisplayName("in a request")
    class InRequests {

        @Test
        @DisplayName(
                "an unmodelled top-level field set to null is written as null (the harness keys requests by their JSON)")
        void extraFieldNull() {
            String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"user\":null,"
                    + "\"metadata\":{\"run\":null,\"team\":\"a\"}}";
            assertThat(OpenAiJson.write(OpenAiJson.readRequest(body))).isEqualTo(body);
        }

        @Test
        @DisplayName("extraField(name, null) is sent as null, as the builder says (\"written as they are\")")
        void builderExtraNull() {
            ChatCompletionRequest request = ChatCompletionRequest.builder("m")
                    .user("hi")
                    .extraField("user", null)
                    .build();
            assertThat(OpenAiJson.write(request)).endsWith(",\"user\":null}");
        }

        @Test
        @DisplayName("a tool schema given as a map keeps its null values (JSON Schema \"default\": null)")
        void schemaMapNulls() {
            Map<String, Object> celsius = new LinkedHashMap<>();
            celsius.put("type", "boolean");
            celsius.put("default", null);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", Map.of("celsius", celsius));
            assertThat(OpenAiJson.write(Tool.function("f", null, schema)))
                    .isEqualTo(
                            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\","
                                    + "\"properties\":{\"celsius\":{\"type\":\"boolean\",\"default\":null}}}}}");
        }

        @Test
        @DisplayName("a modelled parameter left unset is still left out")
        void unsetStillOmitted() {
            assertThat(OpenAiJson.write(
                            ChatCompletionRequest.builder("m").user("hi").build()))
                    .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        }
    }
}
