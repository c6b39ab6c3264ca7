package dev.replayharness.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.replayharness.core.codec.BodyCodec;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.RecordingKey;

@DisplayName("The canonical request and its key")
class CanonicalRequestTest {

    static CanonicalRequest of(String method, String url, String body, String testId, String... normalizers) {
        RecordedRequest request = new RecordedRequest(
                method,
                url,
                Headers.empty(),
                BodyCodec.encode(body.getBytes(StandardCharsets.UTF_8), j -> j, t -> t),
                List.of(normalizers));
        return CanonicalRequest.of(request, testId);
    }

    @Nested
    @DisplayName("golden hashes (a change here changes every committed recording's file name: use `rehash`)")
    class Golden {
        @Test
        @DisplayName("a Bedrock chat completion request")
        void bedrockChat() {
            CanonicalRequest form = of(
                    "POST",
                    "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions",
                    "{\"model\": \"openai.gpt-oss-20b-1:0\", \"messages\": [{\"role\": \"user\", "
                            + "\"content\": \"Which planet do humans live on?\"}], \"stream\": false}",
                    null);
            assertThat(form.json())
                    .isEqualTo("{\"body\":{\"messages\":[{\"content\":\"Which planet do humans live on?\","
                            + "\"role\":\"user\"}],\"model\":\"openai.gpt-oss-20b-1:0\",\"stream\":false},\"method\":\"POST\","
                            + "\"path\":\"/openai/v1/chat/completions\"}");
            assertThat(form.key().hex()).isEqualTo("79c099279be90d82f6b777eb5004144a33b1b04f4c3b076cca9cf22db2062f28");
        }

        @Test
        @DisplayName("a test-scoped GET with a query and no body")
        void testScopedGet() {
            CanonicalRequest form =
                    of("GET", "http://127.0.0.1/v1/models?b=2&a=1&a=0", "", "com.example.ModelsTest#lists");
            assertThat(form.json())
                    .isEqualTo(
                            "{\"method\":\"GET\",\"path\":\"/v1/models\","
                                    + "\"query\":[[\"a\",\"0\"],[\"a\",\"1\"],[\"b\",\"2\"]],\"test\":\"com.example.ModelsTest#lists\"}");
            assertThat(form.key().hex()).isEqualTo("ecfdebabc026b2410543ab47c95ce7e9fedf021ff2145d74b5c226d35a3dd805");
        }

        @Test
        @DisplayName("a non-JSON body is keyed by its bytes, in base64")
        void binaryBody() {
            CanonicalRequest form = of("PUT", "http://h/upload", "not json", null);
            assertThat(form.json())
                    .isEqualTo("{\"bodyBase64\":\"bm90IGpzb24=\",\"method\":\"PUT\",\"path\":\"/upload\"}");
            assertThat(form.key().hex()).isEqualTo("850f2bc3bc634dbdbc6bbaa229eba58a67031febf47610ca893bfa8117c04237");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "/model/openai.gpt-oss-20b-1%3A0/converse", // as the AWS SDK sends it (and as it is recorded)
            "/model/openai.gpt-oss-20b-1:0/converse",
            "/model/openai.gpt-oss-20b-1%3a0/converse",
            "/%6Dodel/openai.gpt-oss-20b-1%3A0/converse"
        })
        @DisplayName("a Bedrock native Converse request: every spelling of the model id's path is one key")
        void bedrockNativePathSpellings(String path) {
            CanonicalRequest form = of(
                    "POST",
                    "https://bedrock-runtime.us-west-2.amazonaws.com" + path,
                    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Which planet do humans live on?\"}]}]}",
                    null);
            assertThat(form.json())
                    .isEqualTo(
                            "{\"body\":{\"messages\":[{\"content\":[{\"text\":\"Which planet do humans live on?\"}],"
                                    + "\"role\":\"user\"}]},\"method\":\"POST\",\"path\":\"/model/openai.gpt-oss-20b-1%3A0/converse\"}");
            assertThat(form.key().hex()).isEqualTo("b9c61cba6a106f34026318f03f7f9609f1bc74aa79c06b54dd968dc57e2114ce");
        }
    }

    @Nested
    @DisplayName("RFC 8785 number serialization")
    class Numbers {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "0.7|0.7",
                    "0.70|0.7",
                    "7e-1|0.7",
                    "1.0|1",
                    "-0|0",
                    "1e21|1e+21",
                    "1e20|100000000000000000000",
                    "123456789012345678901234567890|1.2345678901234568e+29",
                    "0.000001|0.000001",
                    "1e-7|1e-7",
                    "4.50|4.5",
                    "2e-3|0.002",
                    "9007199254740993|9007199254740992",
                    "-1.5E+2|-150",
                    "333333333.33333329|333333333.3333333",
                    "1E30|1e+30",
                    "4.94065645841246544e-324|5e-324"
                })
        void spelling(String input, String canonical) {
            assertThat(of("POST", "http://h/p", "{\"n\":" + input + "}", null).json())
                    .isEqualTo("{\"body\":{\"n\":" + canonical + "},\"method\":\"POST\",\"path\":\"/p\"}");
        }
    }

    @Nested
    @DisplayName("what the key ignores")
    class Ignores {
        @Test
        @DisplayName("scheme, host and port: the same call against another region or an emulator has the same key")
        void host() {
            String body = "{\"a\":1}";
            assertThat(of(
                                    "POST",
                                    "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions",
                                    body,
                                    null)
                            .key())
                    .isEqualTo(of("POST", "http://127.0.0.1:54321/openai/v1/chat/completions", body, null)
                            .key());
        }

        @Test
        @DisplayName("object key order and insignificant whitespace")
        void order() {
            assertThat(of("POST", "http://h/p", "{ \"b\" : [1, 2], \"a\" : {\"y\":true,\"x\":null} }", null)
                            .key())
                    .isEqualTo(of("POST", "http://h/p", "{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2]}", null)
                            .key());
        }

        @Test
        @DisplayName("a dropped field")
        void dropped() {
            assertThat(of("POST", "http://h/p", "{\"a\":1,\"user\":\"x\"}", null, "drop /user")
                            .key())
                    .isEqualTo(of("POST", "http://h/p", "{\"a\":1,\"user\":\"y\"}", null, "drop /user")
                            .key());
        }
    }

    @Nested
    @DisplayName("what the key is sensitive to")
    class Sensitive {
        @Test
        void method() {
            assertThat(of("PUT", "http://h/p", "", null).key())
                    .isNotEqualTo(of("POST", "http://h/p", "", null).key());
        }

        @Test
        void path() {
            assertThat(of("GET", "http://h/v1/p", "", null).key())
                    .isNotEqualTo(of("GET", "http://h/v1/v1/p", "", null).key());
        }

        @Test
        void query() {
            assertThat(of("GET", "http://h/p?a=1", "", null).key())
                    .isNotEqualTo(of("GET", "http://h/p?a=2", "", null).key());
        }

        @Test
        @DisplayName("the test identity")
        void test() {
            assertThat(of("GET", "http://h/p", "", "A#a").key())
                    .isNotEqualTo(of("GET", "http://h/p", "", "A#b").key())
                    .isNotEqualTo(of("GET", "http://h/p", "", null).key());
        }

        @Test
        @DisplayName("array order")
        void arrayOrder() {
            assertThat(of("POST", "http://h/p", "[1,2]", null).key())
                    .isNotEqualTo(of("POST", "http://h/p", "[2,1]", null).key());
        }
    }

    @Test
    @DisplayName(
            "a body that only starts with JSON (NDJSON, '42 is the answer') is keyed by all its bytes, not its first value")
    void trailingContent() {
        assertThat(of("POST", "http://h/p", "{\"a\":1}\n{\"a\":2}", null).json())
                .contains("\"bodyBase64\":");
        assertThat(of("POST", "http://h/p", "{\"a\":1}\n{\"a\":2}", null).key())
                .isNotEqualTo(
                        of("POST", "http://h/p", "{\"a\":1}\n{\"a\":3}", null).key());
        assertThat(of("POST", "http://h/p", "42 is the answer", null).json()).contains("\"bodyBase64\":");
        assertThat(of("POST", "http://h/p", "{\"a\":1}\n", null).json())
                .as("trailing whitespace is fine")
                .contains("\"body\":{\"a\":1}");
    }

    @Test
    @DisplayName(
            "path and query come from each URL, however many distinct URLs there are and in whatever order; an invalid URL always fails")
    void manyUrls() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 600; i++) {
                int n = round == 0 ? i : 599 - i; // more URLs than are remembered, then again backwards
                assertThat(of("GET", "http://h:8080/p" + n + "/x%20y?b=" + n + "&a", "", null)
                                .json())
                        .isEqualTo("{\"method\":\"GET\",\"path\":\"/p" + n
                                + "/x%20y\",\"query\":[[\"a\",\"\"],[\"b\",\"" + n + "\"]]}");
            }
            assertThatThrownBy(() -> of("GET", "http://h/a b", "", null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("a number beyond double range is not I-JSON: the body is keyed by its bytes instead of failing")
    void hugeNumber() {
        for (String number : List.of("1e400", "-1e400", "123456789012345678901234567890e300", "1" + "0".repeat(400))) {
            assertThat(of("POST", "http://h/p", "{\"a\":" + number + "}", null).json())
                    .as(number)
                    .contains("\"bodyBase64\":");
        }
        assertThat(of("POST", "http://h/p", "{\"a\":1e-400}", null).json())
                .as("underflow is 0, as in ECMAScript")
                .contains("\"body\":{\"a\":0}");
    }

    @Test
    @DisplayName("a lone surrogate is not I-JSON: the body is keyed by its bytes instead of failing")
    void loneSurrogate() {
        assertThat(of("POST", "http://h/p", "{\"a\":\"\\ud800\"}", null).json()).contains("\"bodyBase64\":");
        assertThat(of("POST", "http://h/p", "{\"a\":\"\\ud800\"}", null).keysBodyAsJson())
                .isFalse();
        assertThat(of("POST", "http://h/p", "{\"a\":\"\\ud83d\\ude00\"}", null).keysBodyAsJson())
                .isTrue();
    }

    @Test
    @DisplayName("a file name reads back as key and occurrence; -1 is not a valid suffix")
    void fileNames() {
        RecordingKey key = of("GET", "http://h/p", "", null).key();
        assertThat(RecordingKey.parseFileName(key.fileName(1))).contains(new RecordingKey.Named(key, 1));
        assertThat(RecordingKey.parseFileName(key.fileName(3))).contains(new RecordingKey.Named(key, 3));
        assertThat(RecordingKey.parseFileName(key.hex() + "-1.json")).isEmpty();
        assertThat(RecordingKey.parseFileName("notes.json")).isEmpty();
        assertThatThrownBy(() -> new RecordingKey("ABC")).hasMessageContaining("64 lower-case hex digits");
    }

    @Test
    @DisplayName("normalizer specs read back to the same normalizer")
    void specs() {
        for (String spec : List.of(
                "drop /a/b", "mask /messages/*/content", "mask-regex [0-9]{4}", "round 2 /temperature", "round 3")) {
            assertThat(RequestNormalizer.parse(spec).spec()).isEqualTo(spec);
        }
        assertThatThrownBy(() -> RequestNormalizer.parse("squash /a"))
                .hasMessageContaining("Unknown request normalizer 'squash /a'")
                .hasMessageContaining("drop /pointer");
        assertThatThrownBy(() -> RequestNormalizer.parse("drop a"))
                .hasMessageContaining("must be empty or start with '/'");
    }
}
