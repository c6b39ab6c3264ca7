package dev.replayharness.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.json.Json;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.redact.Redactor;

@DisplayName("The request keyer: an outgoing request in, its redacted recorded request and keys out")
class RequestKeyerTest {
    private static final String TOKEN = "tok-Zq81LmV0bWxXa2pUeGFsY2VzdA"; // canary: a fake credential

    private final Redactor redactor = new Redactor(List.of());

    private KeyedRequest key(
            String method, String url, Headers headers, String body, List<NormalizerRule> rules, String testId) {
        return new RequestKeyer(Set.of("content-type"), rules, redactor, testId)
                .key(new OutgoingRequest(method, URI.create(url), headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    private KeyedRequest key(String url, String body) {
        return key("post", url, Headers.empty(), body, List.of(), "Keyer#test");
    }

    @Test
    @DisplayName("a path's percent-encoding is canonical in both keys, while the recorded URL keeps the path as sent")
    void percentEncodingOfThePath() {
        String body = "{\"messages\":[]}";
        KeyedRequest sdk =
                key("https://bedrock-runtime.us-west-2.amazonaws.com/model/openai.gpt-oss-20b-1%3A0/converse", body);
        KeyedRequest literal = key("http://127.0.0.1:8080/model/openai.gpt-oss-20b-1:0/converse", body);
        assertThat(literal.testScoped().key()).isEqualTo(sdk.testScoped().key());
        assertThat(literal.shared().key()).isEqualTo(sdk.shared().key());
        assertThat(sdk.recorded().url()).endsWith("/model/openai.gpt-oss-20b-1%3A0/converse");
        assertThat(literal.recorded().url()).endsWith("/model/openai.gpt-oss-20b-1:0/converse");
        assertThat(key("http://h/model/a%2Fb/converse", body).shared().key())
                .as("%2F is not /")
                .isNotEqualTo(key("http://h/model/a/b/converse", body).shared().key());
    }

    @Nested
    @DisplayName("redaction, at this one point for the request")
    class Redaction {
        @Test
        @DisplayName(
                "a credential header's value is learned and redacted from path, query and body; the header is not recorded")
        void credentialHeader() {
            Headers headers = Headers.builder()
                    .add("authorization", "Bearer " + TOKEN)
                    .add("content-type", "application/json")
                    .build();
            KeyedRequest keyed = key(
                    "POST",
                    "https://api.example.com/v1/" + TOKEN + "/chat?echo=" + TOKEN,
                    headers,
                    "{\"note\":\"" + TOKEN + "\"}",
                    List.of(),
                    null);
            assertThat(keyed.recorded().toString()).doesNotContain(TOKEN);
            assertThat(keyed.recorded().headers().asMap()).containsOnlyKeys("content-type");
            assertThat(keyed.path()).isEqualTo("/v1/REDACTED/chat");
            assertThat(keyed.recorded().url()).isEqualTo("https://api.example.com/v1/REDACTED/chat?echo=REDACTED");
            assertThat(keyed.shared().json()).doesNotContain(TOKEN);
        }

        @Test
        @DisplayName("a credential query parameter's value is learned as a secret, so a later echo of it is redacted")
        void credentialQuery() {
            KeyedRequest keyed = key("http://127.0.0.1:8080/v1/models?api_key=" + TOKEN, "");
            assertThat(keyed.recorded().url()).isEqualTo("http://127.0.0.1/v1/models?api_key=REDACTED");
            assertThat(redactor.redact("echoed: " + TOKEN)).isEqualTo("echoed: REDACTED");
        }
    }

    @Nested
    @DisplayName("the recorded request")
    class Recorded {
        @Test
        @DisplayName("leaves out a loopback upstream's port (re-recording must not churn) and keeps a remote one")
        void ports() {
            KeyedRequest local = key("http://127.0.0.1:49152/v1/x", "{}");
            KeyedRequest remote = key("https://example.com:8443/v1/x", "{}");
            assertThat(local.recorded().url()).isEqualTo("http://127.0.0.1/v1/x");
            assertThat(local.loopback()).isTrue();
            assertThat(remote.recorded().url()).isEqualTo("https://example.com:8443/v1/x");
            assertThat(remote.loopback()).isFalse();
            assertThat(local.shared().key())
                    .as("host and port are not in the key")
                    .isEqualTo(remote.shared().key());
        }

        @Test
        @DisplayName("names the normalizers of its endpoint, and only those")
        void normalizers() {
            List<NormalizerRule> rules = List.of(
                    new NormalizerRule("POST", NormalizerRule.glob("/v1/chat/*"), RequestNormalizer.drop("/seed")),
                    new NormalizerRule("GET", NormalizerRule.glob("*"), RequestNormalizer.drop("/other")));
            KeyedRequest chat =
                    key("POST", "http://127.0.0.1/v1/chat/completions", Headers.empty(), "{\"seed\":1}", rules, null);
            KeyedRequest seeded =
                    key("POST", "http://127.0.0.1/v1/chat/completions", Headers.empty(), "{\"seed\":2}", rules, null);
            assertThat(chat.recorded().normalizers())
                    .containsExactly(RequestNormalizer.drop("/seed").spec());
            assertThat(chat.shared().key())
                    .as("the dropped member does not count")
                    .isEqualTo(seeded.shared().key());
        }
    }

    @Nested
    @DisplayName("keys")
    class Keys {
        @Test
        @DisplayName("are those of the recorded request, shared and test-scoped")
        void keys() {
            KeyedRequest keyed = key("http://127.0.0.1/v1/x", "{\"b\":1,\"a\":2}");
            assertThat(keyed.shared().key())
                    .isEqualTo(CanonicalRequest.of(keyed.recorded(), null).key());
            assertThat(keyed.testScoped().key())
                    .isEqualTo(
                            CanonicalRequest.of(keyed.recorded(), "Keyer#test").key());
            assertThat(keyed.primary()).isSameAs(keyed.testScoped());
            assertThat(keyed.lookupOrder()).containsExactly(keyed.testScoped(), keyed.shared());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"a\":\"\\ud800\",\"b\":1}",
                    "{\"a\":[{\"b\":\"x\\udc00\"}]}",
                    "{\"a\":1e400,\"b\":1}",
                    "[-1e400]"
                })
        @DisplayName(
                "a JSON body that is not I-JSON is recorded and keyed as its compact bytes, decided before hashing")
        void notIJson(String body) {
            KeyedRequest keyed = key("http://127.0.0.1/v1/x", body);
            assertThat(keyed.recorded().body()).isInstanceOf(Body.Binary.class);
            assertThat(((Body.Binary) keyed.recorded().body()).bytes())
                    .isEqualTo(Json.compact(
                            Json.tryParse(body.getBytes(StandardCharsets.UTF_8)).orElseThrow()));
            assertThat(keyed.shared().keysBodyAsJson()).isFalse();
            assertThat(keyed.shared().key())
                    .isEqualTo(CanonicalRequest.of(keyed.recorded(), null).key());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"a\":\"\\ud83d\\ude00\"}",
                    "{\"a\":1e308}",
                    "{\"a\":12345678901234567890123}",
                    "{\"a\":\"\\\\u\"}"
                })
        @DisplayName("an I-JSON body (a surrogate pair, a large but finite number) is keyed as JSON")
        void iJson(String body) {
            KeyedRequest keyed = key("http://127.0.0.1/v1/x", body);
            assertThat(keyed.recorded().body()).isInstanceOf(Body.Json.class);
            assertThat(keyed.shared().keysBodyAsJson()).isTrue();
        }
    }
}
