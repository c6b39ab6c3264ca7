package dev.replayharness.llamastack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.store.RecordingsFolder;

@DisplayName("Importing Llama Stack's recordings")
class LlamaStackImporterTest {
    /** An OpenAI-key-shaped canary, random per run (not a literal: no credential-shaped string in the repository). */
    static final String OPENAI_CANARY = "sk-proj-"
            + new java.util.Random()
                    .ints(24, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    static final String CHAT =
            "{\"test_id\":\"%s\",\"request\":{\"method\":\"POST\",\"url\":\"https://h/openai/v1/v1/chat/completions\","
                    + "\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}},"
                    + "\"response\":{\"body\":{\"__type__\":\"X\",\"__data__\":{\"id\":\"%s\"}},\"is_streaming\":false}}";

    @TempDir
    Path root;

    Path source;
    Path out;

    @BeforeEach
    void folders() throws Exception {
        source = Files.createDirectories(root.resolve("src"));
        out = root.resolve("out");
    }

    Path write(String name, String json) throws Exception {
        return Files.writeString(source.resolve(name), json);
    }

    static String error(String exceptionData) {
        return "{\"test_id\":\"t\",\"request\":{\"method\":\"POST\",\"url\":\"https://h/openai/v1/v1/chat/completions\",\"body\":{\"model\":\"m\"}},"
                + "\"response\":{\"body\":null,\"is_streaming\":false,\"is_exception\":true,\"exception_data\":"
                + exceptionData + "}}";
    }

    LlamaStackImportException failure() {
        return (LlamaStackImportException) org.assertj.core.api.Assertions.catchThrowable(
                () -> LlamaStackImporter.plan(List.of(source), out, ImportScope.AUTO));
    }

    @Nested
    @DisplayName("files that are not Llama Stack recordings")
    class NotRecordings {
        @Test
        @DisplayName("are skipped with one line each saying why; the recordings beside them import")
        void skipped() throws Exception {
            write("a.json", String.format(CHAT, "t", "1"));
            write("hello.json", "{\"hello\":1}");
            write("list.json", "[1]");
            write("notes.txt", "x");
            Files.createDirectories(source.resolve("sub"));
            ImportPlan plan = LlamaStackImporter.plan(List.of(source), out, ImportScope.AUTO);
            assertThat(plan.skipped())
                    .extracting(s -> s.file().getFileName() + ": " + s.reason())
                    .containsExactly(
                            "hello.json: not a Llama Stack recording: it has no 'request' and no 'response' member",
                            "list.json: not a Llama Stack recording: the top level is a list, not an object",
                            "notes.txt: not a .json file",
                            "sub: a folder (name it as a source of its own to import it)");
            assertThat(plan.write())
                    .extracting(i -> i.from().getFileName().toString())
                    .containsExactly("a.json");
        }

        @Test
        @DisplayName("converted on its own, such a file is an error naming it and the missing members")
        void convertOne() throws Exception {
            Path file = write("hello.json", "{\"hello\":1}");
            assertThatThrownBy(() -> LlamaStackImporter.convert(file))
                    .isInstanceOf(RecordingFormatException.class)
                    .hasMessage("Recording " + file
                            + ": not a Llama Stack recording: it has no 'request' and no 'response' member.");
        }
    }

    @Nested
    @DisplayName("a folder with a file that cannot be imported")
    class AllOrNothing {
        @Test
        @DisplayName("writes nothing, and names every bad file with its field")
        void nothingWritten() throws Exception {
            write("a.json", String.format(CHAT, "t", "1"));
            Path noResponse = write("b.json", "{\"test_id\":\"t\",\"request\":{\"url\":\"https://h/v1/x\"}}");
            Path badJson = write("c.json", "{\"request\":");
            Path noUrl = write("d.json", "{\"request\":{\"body\":{}},\"response\":{\"body\":{}}}");
            LlamaStackImportException e = failure();
            assertThat(e)
                    .hasMessageStartingWith(
                            "Llama Stack import from " + source + " wrote nothing: 3 files cannot be imported.\n"
                                    + "Recording " + noResponse
                                    + ": has 'request' but no 'response' member; every Llama Stack recording has both. "
                                    + "Fix or remove it.\n"
                                    + "Recording " + badJson + ": is not valid JSON (");
            assertThat(e.getMessage())
                    .endsWith("). Fix or remove it.\n" + "Recording " + noUrl
                            + ": 'request.url' is missing; it must be the URL the request went to.");
            assertThat(e.problems())
                    .extracting(RecordingFormatException::file)
                    .containsExactly(noResponse, badJson, noUrl);
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("names a bad value without the credential in it")
        void redactedMessage() throws Exception {
            Path file = write(
                    "a.json",
                    // a canary in an OpenAI key's shape, joined here so that no credential-shaped literal is committed
                    "{\"request\":{\"url\":\"no url " + "sk-proj-"
                            + "abcdefghijklmnopqrstuvwx\"},\"response\":{\"body\":{}}}");
            assertThat(failure().problems())
                    .extracting(Throwable::getMessage)
                    .containsExactly("Recording " + file + ": 'request.url' is not an absolute URL: no url REDACTED.");
        }

        @Test
        @DisplayName("refuses to replace a different recording already in the target folder")
        void existingTarget() throws Exception {
            Path a = write("a.json", String.format(CHAT, "t", "1"));
            Path target = LlamaStackImporter.importDirectory(source, out).get(0).to();
            byte[] before = Files.readAllBytes(target);
            assertThat(LlamaStackImporter.importDirectory(source, out))
                    .as("the same import again changes nothing")
                    .hasSize(1);
            write("a.json", String.format(CHAT, "t", "2"));
            assertThat(failure())
                    .hasMessageEndingWith(
                            "\nRecording " + a + ": would be written to " + target
                                    + ", which already holds a different recording. Delete that file, or import into another folder.");
            assertThat(Files.readAllBytes(target)).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("error recordings (is_exception)")
    class Errors {
        @Test
        @DisplayName(
                "become the HTTP error: status, the body with the 'error' envelope the OpenAI SDK removed, JSON content type")
        void httpError() throws Exception {
            Path file = write(
                    "e.json",
                    error(
                            "{\"type\":\"BadRequestError\",\"message\":\"Error code: 400 - {'error': {'message': 'bad'}}\","
                                    + "\"status_code\":400,\"body\":{\"message\":\"bad\",\"code\":\"validation_error\"}}"));
            Recording recording = LlamaStackImporter.convert(file);
            assertThat(recording.response().status()).isEqualTo(400);
            assertThat(recording.response().headers().asMap())
                    .containsExactly(java.util.Map.entry("content-type", List.of("application/json")));
            assertThat(((Body.Json) recording.response().body()).value().toString())
                    .isEqualTo("{\"error\":{\"message\":\"bad\",\"code\":\"validation_error\"}}");
        }

        @Test
        @DisplayName("keep a body as it is when the message shows no envelope, and a text body as text")
        void otherBodies() throws Exception {
            Path json = write(
                    "j.json",
                    error("{\"message\":\"Error code: 503 - {'message': 'busy'}\",\"status_code\":503,"
                            + "\"body\":{\"message\":\"busy\"}}"));
            assertThat(((Body.Json) LlamaStackImporter.convert(json).response().body())
                            .value()
                            .toString())
                    .isEqualTo("{\"message\":\"busy\"}");
            Path text = write("t.json", error("{\"status_code\":502,\"body\":\"Bad Gateway\"}"));
            Recording recording = LlamaStackImporter.convert(text);
            assertThat(recording.response().body()).isEqualTo(new Body.Text("Bad Gateway"));
            assertThat(recording.response().headers().first("content-type")).contains("text/plain");
        }

        @Test
        @DisplayName("with malformed exception_data are refused, naming the file and the field")
        void malformed() throws Exception {
            Path noData = write("a.json", error("null"));
            Path notObject = write("b.json", error("[1]"));
            Path noStatus =
                    write("c.json", error("{\"type\":\"APIConnectionError\",\"message\":\"Connection error.\"}"));
            Path badStatus = write("d.json", error("{\"status_code\":\"400\",\"body\":{}}"));
            Path outOfRange = write("e.json", error("{\"status_code\":700,\"body\":{}}"));
            Path badBody = write("f.json", error("{\"status_code\":400,\"body\":[1]}"));
            assertThat(failure().problems())
                    .extracting(Throwable::getMessage)
                    .containsExactly(
                            "Recording " + noData
                                    + ": 'response.is_exception' is true but 'response.exception_data' is missing, "
                                    + "so the error cannot be imported.",
                            "Recording " + notObject
                                    + ": 'response.is_exception' is true but 'response.exception_data' is not an object, "
                                    + "so the error cannot be imported.",
                            "Recording " + noStatus
                                    + ": 'response.exception_data.status_code' is missing: the recorded exception "
                                    + "(APIConnectionError) was not an HTTP error response, and only those can be imported.",
                            "Recording " + badStatus
                                    + ": 'response.exception_data.status_code' is \"400\"; it must be an HTTP status, "
                                    + "a whole number from 100 to 599.",
                            "Recording " + outOfRange
                                    + ": 'response.exception_data.status_code' is 700; it must be an HTTP status, "
                                    + "a whole number from 100 to 599.",
                            "Recording " + badBody
                                    + ": 'response.exception_data.body' is a list; it must be the error body: "
                                    + "an object, a string, or null.");
            assertThat(out).doesNotExist();
        }
    }

    @Nested
    @DisplayName("request and response shapes")
    class Shapes {
        @Test
        @DisplayName(
                "the model list (recorded as POST with body {}) becomes GET …/models answered {\"object\":\"list\",\"data\":[…]}")
        void modelList() throws Exception {
            Path file = write(
                    "models.json",
                    "{\"test_id\":null,\"request\":{\"method\":\"POST\",\"url\":\"https://h/openai/v1/v1/models\","
                            + "\"body\":{},\"endpoint\":\"/v1/models\"},\"response\":{\"body\":[{\"__type__\":\"openai.types.model.Model\","
                            + "\"__data__\":{\"id\":\"a\",\"object\":\"model\"}},{\"id\":\"b\"}],\"is_streaming\":false}}");
            Recording recording = LlamaStackImporter.convert(file);
            assertThat(recording.request().method()).isEqualTo("GET");
            assertThat(recording.request().url()).isEqualTo("https://h/openai/v1/models");
            assertThat(recording.request().body()).isNull();
            assertThat(((Body.Json) recording.response().body()).value().toString())
                    .isEqualTo("{\"object\":\"list\",\"data\":[{\"id\":\"a\",\"object\":\"model\"},{\"id\":\"b\"}]}");
        }

        @Test
        @DisplayName("a list body outside a stream or the model list, and a missing body, are refused")
        void badBodies() throws Exception {
            Path list = write(
                    "a.json", "{\"request\":{\"url\":\"https://h/v1/chat/completions\"},\"response\":{\"body\":[]}}");
            Path none = write(
                    "b.json", "{\"request\":{\"url\":\"https://h/v1/chat/completions\"},\"response\":{\"body\":null}}");
            Path chunk = write(
                    "c.json",
                    "{\"request\":{\"url\":\"https://h/v1/chat/completions\"},\"response\":{\"body\":[1],\"is_streaming\":true}}");
            assertThat(failure().problems())
                    .extracting(Throwable::getMessage)
                    .containsExactly(
                            "Recording " + list
                                    + ": 'response.body' is a list, which only a stream ('response.is_streaming': true) or the "
                                    + "model list (request.endpoint /v1/models) may have.",
                            "Recording " + none
                                    + ": has no 'response.body' (and 'response.is_exception' is not true), so there is no answer to import.",
                            "Recording " + chunk
                                    + ": 'response.body[0]' must be an object (optionally wrapped as {\"__type__\", \"__data__\"}), "
                                    + "not a number.");
        }

        @Test
        @DisplayName(
                "a stream becomes one data event per chunk and a final [DONE]; /v1/v1/ is made /v1/; credentials are redacted")
        void streamAndRedaction() throws Exception {
            write(
                    "s.json",
                    "{\"test_id\":\"t\",\"request\":{\"method\":\"POST\",\"url\":\"https://h/openai/v1/v1/chat/completions?key=abc\","
                            + "\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"my key is "
                            + OPENAI_CANARY + "\"}]}},"
                            + "\"response\":{\"body\":[{\"__type__\":\"C\",\"__data__\":{\"id\":\"1\",\"choices\":[{\"delta\":{\"content\":\"a\"},"
                            + "\"obfuscation\":\"Zx9\"}]}}],\"is_streaming\":true}}");
            LlamaStackImporter.Imported imported =
                    LlamaStackImporter.importDirectory(source, out).get(0);
            assertThat(Files.readString(imported.to()))
                    .doesNotContain(OPENAI_CANARY)
                    .doesNotContain("key=abc") // canary
                    .contains("/openai/v1/chat/completions?key=REDACTED");
            Recording recording = RecordingsFolder.read(imported.to());
            assertThat(recording.source()).isEqualTo("imported");
            assertThat(CanonicalRequest.of(recording.request(), null).key()).isEqualTo(imported.key());
            assertThat(imported.to().getFileName().toString())
                    .isEqualTo(imported.key().fileName(1));
            Body.EventStream stream = (Body.EventStream) recording.response().body();
            assertThat(stream.events())
                    .extracting(e -> e.data().toString())
                    .containsExactly(
                            "{\"id\":\"1\",\"choices\":[{\"delta\":{\"content\":\"a\"},\"obfuscation\":\"Zx9\"}]}",
                            "\"[DONE]\"");
        }
    }

    @Nested
    @DisplayName("files of one import that make the same request")
    class SameRequest {
        @Test
        @DisplayName(
                "by default (auto) become test-scoped under 'llama-stack:' + their test ids, so both answers survive; others stay shared")
        void auto() throws Exception {
            write("a.json", String.format(CHAT, "tests/x.py::test_a[p]", "1"));
            write("b.json", String.format(CHAT, "tests/x.py::test_b[p]", "2"));
            write("c.json", String.format(CHAT, "tests/x.py::test_c", "3").replace("Hi", "Bye"));
            List<LlamaStackImporter.Imported> imported = LlamaStackImporter.importDirectory(source, out);
            assertThat(imported)
                    .extracting(LlamaStackImporter.Imported::testId)
                    .containsExactly("llama-stack:tests/x.py::test_a[p]", "llama-stack:tests/x.py::test_b[p]", null);
            for (LlamaStackImporter.Imported one : imported) {
                Recording recording = RecordingsFolder.read(one.to());
                assertThat(recording.testId()).isEqualTo(one.testId());
                assertThat(CanonicalRequest.of(recording.request(), recording.testId())
                                .key())
                        .isEqualTo(one.key());
            }
        }

        @Test
        @DisplayName("a folder named twice is read once, so its files do not collide with themselves")
        void folderTwice() throws Exception {
            write("a.json", String.format(CHAT, "t1", "1"));
            assertThat(LlamaStackImporter.plan(List.of(source, source), out, ImportScope.AUTO)
                            .imported())
                    .extracting(LlamaStackImporter.Imported::testId)
                    .containsExactly((String) null);
        }

        @Test
        @DisplayName("with scope shared are refused, naming both files and the fix")
        void shared() throws Exception {
            Path a = write("a.json", String.format(CHAT, "t1", "1"));
            Path b = write("b.json", String.format(CHAT, "t2", "2"));
            assertThatThrownBy(() -> LlamaStackImporter.plan(List.of(source), out, ImportScope.SHARED))
                    .isInstanceOf(LlamaStackImportException.class)
                    .hasMessageEndingWith("\nRecording " + a + ": makes the same request as " + b
                            + ": with scope shared only one "
                            + "of them can be imported; the default scope (auto) imports both, test-scoped.\n"
                            + "Recording " + b + ": makes the same request as " + a + ": with scope shared only one "
                            + "of them can be imported; the default scope (auto) imports both, test-scoped.");
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("without a test id to tell them apart are refused")
        void noTestId() throws Exception {
            write("a.json", String.format(CHAT, "t1", "1"));
            Path b = write("b.json", String.format(CHAT, "t2", "2").replace("\"test_id\":\"t2\"", "\"test_id\":null"));
            assertThat(failure().problems())
                    .extracting(Throwable::getMessage)
                    .containsExactly("Recording " + b
                            + ": makes the same request as " + source.resolve("a.json")
                            + ": it has no 'test_id' to tell their answers apart; "
                            + "remove one of them.");
        }

        @Test
        @DisplayName("with scope test, every file with a test id is test-scoped")
        void test() throws Exception {
            write("a.json", String.format(CHAT, "t1", "1").replace("Hi", "Bye"));
            assertThat(LlamaStackImporter.plan(List.of(source), out, ImportScope.TEST)
                            .imported())
                    .extracting(LlamaStackImporter.Imported::testId)
                    .containsExactly("llama-stack:t1");
        }
    }
}
