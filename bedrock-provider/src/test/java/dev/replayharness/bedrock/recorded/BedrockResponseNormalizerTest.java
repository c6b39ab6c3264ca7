package dev.replayharness.bedrock.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.bedrock.BedrockResponseNormalizer;
import dev.replayharness.bedrock.emulator.BedrockEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.recording.RecordingKey;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("The Bedrock response normalizer")
class BedrockResponseNormalizerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RecordingKey KEY = new RecordingKey("ab".repeat(32));

    static ObjectNode normalized(String json) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        BedrockResponseNormalizer.create().normalize(node, KEY);
        return node;
    }

    @Nested
    @DisplayName("rewrites one body")
    class OneBody {

        @Test
        @DisplayName("removes obfuscation from every choice and from the top level, and nothing else")
        void obfuscation() {
            ObjectNode chunk = normalized("{\"id\":\"chatcmpl-1\",\"created\":17,\"obfuscation\":\"x\",\"choices\":["
                    + "{\"index\":0,\"delta\":{\"content\":\"obfuscation\"},\"obfuscation\":\"AbC\"},"
                    + "{\"index\":1,\"delta\":{},\"obfuscation\":\"dEf\",\"finish_reason\":\"stop\"}]}");
            assertThat(chunk.toString())
                    .isEqualTo(
                            "{\"id\":\"" + KEY.stableId() + "\",\"created\":0,\"choices\":["
                                    + "{\"index\":0,\"delta\":{\"content\":\"obfuscation\"}},{\"index\":1,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        }

        @Test
        @DisplayName("keeps tool-call ids, which the next turn sends back in its request")
        void toolCallIds() {
            String chunk =
                    "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"chatcmpl-tool-93e7bd9564cd4994\"}]}}]}";
            assertThat(normalized(chunk).toString()).isEqualTo(chunk);
        }

        @Test
        @DisplayName("leaves bodies without choices (a model list, an error) as they are")
        void otherBodies() {
            String list = "{\"object\":\"list\",\"data\":[{\"id\":\"openai.gpt-oss-20b\",\"created\":1764460800}]}";
            assertThat(normalized(list).toString()).isEqualTo(list);
            String usage = "{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":3}}";
            assertThat(normalized(usage).toString())
                    .isEqualTo("{\"id\":\"" + KEY.stableId() + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":3}}");
        }
    }

    @Nested
    @DisplayName("makes re-recording the emulator change no byte")
    class ZeroChurn {

        @Test
        @DisplayName("two recordings of the same calls into two folders are byte-identical")
        void identical(@TempDir Path first, @TempDir Path second) throws Exception {
            record(first, BedrockResponseNormalizer.create());
            record(second, BedrockResponseNormalizer.create());
            Map<String, String> one = files(first);
            assertThat(one).hasSize(CALLS.length);
            assertThat(one.values()).noneSatisfy(text -> assertThat(text).contains("obfuscation"));
            assertThat(files(second)).isEqualTo(one);
        }

        @Test
        @DisplayName("whereas without it the random obfuscation makes them differ (the test can see churn)")
        void control(@TempDir Path first, @TempDir Path second) throws Exception {
            record(first, ResponseNormalizer.openAiCompatible());
            record(second, ResponseNormalizer.openAiCompatible());
            assertThat(files(first).keySet()).isEqualTo(files(second).keySet());
            assertThat(files(second)).isNotEqualTo(files(first));
        }
    }

    static final String TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"get_boiling_point\",\"parameters\":"
            + "{\"properties\":{\"liquid_name\":{\"type\":\"string\"}},\"required\":[\"liquid_name\"],\"type\":\"object\"}}}]";
    /** Each a request body for POST /chat/completions, or null for GET /models. */
    static final String[] CALLS = {
        "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, world!\"}]}",
        "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"What is the boiling point of water and ethanol?\"}],\"stream\":true,\"stream_options\":"
                + "{\"include_usage\":true},\"logprobs\":true,\"tools\":" + TOOLS + "}",
        "{\"model\":\"openai.gpt-oss-20b-1:0\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"https://example.com/a.jpg\"}}]}],\"stream\":true}",
        null,
    };

    /** Records every call of {@link #CALLS} against a fresh emulator into {@code dir}. */
    static void record(Path dir, ResponseNormalizer normalizer) throws IOException, InterruptedException {
        Harness harness = Harness.builder()
                .recordingsDirectory(dir)
                .namespace("bedrock")
                .mode(Mode.RECORD)
                .responseNormalizer(normalizer)
                .build();
        try (BedrockEmulator emulator = BedrockEmulator.start();
                HarnessSession session = harness.session("BedrockResponseNormalizerTest#record")) {
            HttpClient http = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            for (String body : CALLS) {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(emulator.baseUri() + (body == null ? "/models" : "/chat/completions")))
                        .header("Authorization", "Bearer k");
                request = body == null
                        ? request.GET()
                        : request.header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
