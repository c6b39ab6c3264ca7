package dev.replayharness.core.llamastack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.RecordingFormatException;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Body;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;

@DisplayName("Importing Llama Stack's recordings")
class LlamaStackImporterTest {
    /** Real Bedrock traffic recorded by Llama Stack; read from ../shared, never copied into the repository. */
    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "llama-stack-bedrock");

    @TempDir
    Path target;

    @Test
    @DisplayName("all six real Bedrock recordings become shared recordings keyed by our canonical form, with /v1/v1/ fixed")
    void realFixtures() {
        assumeTrue(Files.isDirectory(FIXTURES), "../shared/fixtures/llama-stack-bedrock is absent; nothing to import");
        List<LlamaStackImporter.Imported> imported = LlamaStackImporter.importDirectory(FIXTURES, target);
        assertThat(imported).hasSize(6);
        for (LlamaStackImporter.Imported one : imported) {
            Recording recording = RecordingsFolder.read(one.to());
            assertThat(recording.source()).isEqualTo("imported");
            assertThat(recording.testId()).isNull();
            assertThat(recording.request().url()).isEqualTo("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions");
            assertThat(CanonicalRequest.of(recording.request(), null).key()).isEqualTo(one.key());
            assertThat(one.to().getFileName().toString()).isEqualTo(one.key().fileName(1));
        }
        long streams = imported.stream().map(i -> RecordingsFolder.read(i.to()).response().body())
                .filter(b -> b instanceof Body.EventStream).count();
        assertThat(streams).isEqualTo(3);
        Body.EventStream stream = imported.stream().map(i -> RecordingsFolder.read(i.to()).response().body())
                .filter(b -> b instanceof Body.EventStream).map(Body.EventStream.class::cast).findFirst().orElseThrow();
        assertThat(stream.events().get(stream.events().size() - 1).data().stringValue()).isEqualTo("[DONE]");
        assertThat(stream.events().get(0).data().path("object").stringValue()).isEqualTo("chat.completion.chunk");
    }

    @Test
    @DisplayName("a file that is not a Llama Stack recording is named in the error")
    void notARecording() throws Exception {
        Path source = Files.createDirectories(target.resolve("src"));
        Path file = Files.writeString(source.resolve("x.json"), "{\"hello\":1}");
        assertThatThrownBy(() -> LlamaStackImporter.importDirectory(source, target.resolve("out")))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessage("Recording " + file + ": has no 'request'; is this a Llama Stack recording?");
    }

    @Test
    @DisplayName("credentials in their files are redacted; two files making the same request are refused, not overwritten")
    void redactsAndRefusesCollisions() throws Exception {
        Path source = Files.createDirectories(target.resolve("src"));
        String recording = "{\"test_id\":\"%s\",\"request\":{\"method\":\"POST\",\"url\":\"https://h/v1/v1/chat/completions?key=abc\","
                + "\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"my key is sk-proj-abcdefghijklmnopqrstuvwx\"}]}}," // canary: a fake credential the test expects to see redacted
                + "\"response\":{\"body\":{\"__type__\":\"X\",\"__data__\":{\"id\":\"1\"}},\"is_streaming\":false}}";
        Files.writeString(source.resolve("a.json"), String.format(recording, "t1"));
        Path written = LlamaStackImporter.importDirectory(source, target.resolve("out")).get(0).to();
        assertThat(Files.readString(written)).doesNotContain("sk-proj-abcdefghijklmnopqrstuvwx").doesNotContain("key=abc") // canary
                .contains("/v1/chat/completions?key=REDACTED");
        Path second = Files.writeString(source.resolve("b.json"), String.format(recording, "t2"));
        assertThatThrownBy(() -> LlamaStackImporter.importDirectory(source, target.resolve("out2")))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageStartingWith("Recording " + second + ": makes the same request as " + source.resolve("a.json"));
    }
}
