package dev.replayharness.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.bedrock.emulator.ScriptedResponse;
import dev.replayharness.openai.Model;

@DisplayName("listModels() asks Bedrock; models() does not")
class ModelListTest {

    BedrockEmulator emulator;
    BedrockClient bedrock;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
        bedrock = TestClients.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    @DisplayName("GET /openai/v1/models with the bearer token, read into typed models")
    void listModels() {
        List<Model> models = bedrock.listModels();

        assertThat(emulator.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/openai/v1/models");
            assertThat(request.header("Authorization")).contains("Bearer " + TestClients.KEY);
        });
        assertThat(models).extracting(Model::id).contains("openai.gpt-oss-20b", "openai.gpt-oss-120b");
        assertThat(models).allSatisfy(model -> {
            assertThat(model.object()).isEqualTo("model");
            assertThat(model.ownedBy()).isEqualTo("system");
            assertThat(model.created()).isPositive();
        });
    }

    @Test
    @DisplayName("models() stays the static registry and sends nothing")
    void registryOnly() {
        assertThat(bedrock.models())
                .extracting(RegisteredModel::providerResourceId)
                .containsExactly("openai.gpt-oss-20b-1:0");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    @DisplayName("is retried on throttling like a chat call, then answers")
    void retried() {
        emulator.enqueue(ScriptedResponse.throttled("1"));
        assertThat(bedrock.listModels()).isNotEmpty();
        assertThat(emulator.requestCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a refused key is an authentication error naming the model list, without the key")
    void unauthorized() {
        emulator.requireToken("another-key");
        BedrockAuthenticationException e =
                catchThrowableOfType(BedrockAuthenticationException.class, bedrock::listModels);
        assertThat(e.getMessage())
                .startsWith("Bedrock refused the API key when listing models")
                .doesNotContain(TestClients.KEY);
        assertThat(e.httpStatus()).hasValue(401);
    }

    @Test
    @DisplayName("an expired key is an expired-key error that says to get a new key, as for a chat call")
    void expired() {
        emulator.enqueue(ScriptedResponse.of(401, "{\"Message\":\"Bearer Token has expired\"}"));
        BedrockAuthenticationException e =
                catchThrowableOfType(BedrockAuthenticationException.class, bedrock::listModels);
        assertThat(e.isExpired()).isTrue();
        assertThat(e.getMessage())
                .startsWith("Bedrock refused the API key when listing models: it has expired")
                .doesNotContain("Check that " + BedrockConfig.API_KEY_VARIABLE + " holds");
    }
}
