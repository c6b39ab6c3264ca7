package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("Bad input gets a clear error naming the file or setting, never an NPE or a live call")
class BadInputTest {
    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;
    Path file;

    @BeforeEach
    void recordOne() throws Exception {
        upstream = new LoopbackUpstream().json(CHAT, 200, "{\"ok\":true}");
        send(Harnesses.of(recordings, Mode.RECORD));
        file = Harnesses.files(recordings).get(0);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private String send(Harness harness) throws Exception {
        try (HarnessSession session = harness.session("Bad#input")) {
            HttpRequest request = HttpRequest.newBuilder(upstream.uri(CHAT))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"q\":1}"))
                    .build();
            return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private void assertReplayFails(String fragment) {
        int before = upstream.requestCount();
        assertThatThrownBy(() -> send(Harnesses.of(recordings, Mode.REPLAY)))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageStartingWith("Recording " + file + ": ")
                .hasMessageContaining(fragment);
        assertThat(upstream.requestCount()).as("no live call").isEqualTo(before);
    }

    @Nested
    @DisplayName("a damaged recording")
    class Damaged {
        @Test
        @DisplayName("truncated")
        void truncated() throws IOException {
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.length() / 2));
            assertReplayFails("is not valid JSON, perhaps truncated or edited by hand");
        }

        @Test
        @DisplayName("of an unknown format version")
        void unknownVersion() throws IOException {
            Files.writeString(file, Files.readString(file).replace("\"format\": 1", "\"format\": 7"));
            assertReplayFails("field 'format' is 7, a format version this harness does not know (it reads version 1)");
        }

        @Test
        @DisplayName("missing a required field")
        void missingField() throws IOException {
            Files.writeString(file, Files.readString(file).replace("\"status\": 200,", ""));
            assertReplayFails("field 'response.status' must be an HTTP status code from 100 to 599, but is null");
        }

        @Test
        @DisplayName("with a body of unknown kind")
        void unknownBody() throws IOException {
            Files.writeString(
                    file, Files.readString(file).replace("\"json\": {\n        \"ok\"", "\"yaml\": {\n        \"ok\""));
            assertReplayFails("field 'response.body' has unknown kind 'yaml'; allowed: json, text, base64, events");
        }

        @Test
        @DisplayName("with an interruption of unknown kind, naming every kind allowed")
        void unknownInterruption() throws IOException {
            Files.writeString(
                    file,
                    Files.readString(file)
                            .replace(
                                    "\"status\": 200,",
                                    "\"status\": 200, \"interrupted\": {\"kind\": \"paused\", \"message\": \"m\"},"));
            assertReplayFails("field 'response.interrupted.kind' is 'paused'; allowed: upstream-error, truncated,"
                    + " unterminated-event");
        }

        @Test
        @DisplayName("with numbers out of range or of the wrong type")
        void numbers() throws IOException {
            String text = Files.readString(file);
            Files.writeString(file, text.replace("\"status\": 200", "\"status\": 99999999999"));
            assertReplayFails(
                    "field 'response.status' must be an HTTP status code from 100 to 599, but is 99999999999");
            Files.writeString(file, text.replace("\"format\": 1", "\"format\": 1.5"));
            assertReplayFails("field 'format' is missing or not a whole number");
        }

        @Test
        @DisplayName("with a request url that cannot be parsed")
        void badUrl() throws IOException {
            Files.writeString(
                    file, Files.readString(file).replaceFirst("\"url\": \"[^\"]*\"", "\"url\": \"http://h/a b\""));
            assertReplayFails("its request cannot be keyed (");
        }

        @Test
        @DisplayName("whose testId was edited: the request still matches the one sent, the test does not")
        void otherTest() throws IOException {
            String text = Files.readString(file);
            assertThat(text).contains("\"testId\": \"Bad#input\"");
            Files.writeString(file, text.replace("\"testId\": \"Bad#input\"", "\"testId\": \"Other#test\""));
            assertReplayFails("its name says key "
                    + file.getFileName().toString().replace(".json", "") + " but its request hashes to");
        }

        @Test
        @DisplayName(
                "whose method or normalizers were edited: the rest still matches the request sent, the key does not")
        void otherMethodOrNormalizers() throws IOException {
            String text = Files.readString(file);
            String name = file.getFileName().toString().replace(".json", "");
            assertThat(text).contains("\"method\": \"POST\"");
            Files.writeString(file, text.replace("\"method\": \"POST\"", "\"method\": \"PUT\""));
            assertReplayFails("its name says key " + name + " but its request hashes to");
            Files.writeString(
                    file,
                    text.replace("\"method\": \"POST\",", "\"method\": \"POST\", \"normalizers\": [\"drop /q\"],"));
            assertThat(Files.readString(file)).contains("drop /q");
            assertReplayFails("its name says key " + name + " but its request hashes to");
        }

        @Test
        @DisplayName("(not damaged) whose request is spelled differently but has the same canonical form: it replays")
        void sameCanonicalForm() throws Exception {
            Files.writeString(file, Files.readString(file).replace("\"q\": 1", "\"q\": 1.0"));
            assertThat(Files.readString(file)).contains("\"q\": 1.0");
            assertThat(send(Harnesses.of(recordings, Mode.REPLAY))).isEqualTo("{\"ok\":true}");
        }

        @Test
        @DisplayName("whose request was edited, so its name no longer matches its key")
        void misnamed() throws IOException {
            Files.writeString(file, Files.readString(file).replace("\"q\": 1", "\"q\": 2"));
            assertReplayFails("its name says key "
                    + file.getFileName().toString().replace(".json", "") + " but its request hashes to");
        }
    }

    @Nested
    @DisplayName("a bad setting")
    class Settings {
        @Test
        @DisplayName("an unknown mode names key, value and allowed values")
        void unknownMode() {
            assertThatThrownBy(() -> Harness.builder()
                            .recordingsDirectory(recordings)
                            .configuration(ConfigurationSource.of(Map.of("harness.mode", "replya")))
                            .environment(ConfigurationSource.empty())
                            .build())
                    .isInstanceOf(HarnessConfigurationException.class)
                    .hasMessage(
                            "Invalid harness mode 'replya' from configuration parameter harness.mode. Allowed values: "
                                    + "live, record, replay, record-if-missing. Fix the value or remove it to use the default (replay).");
        }

        @Test
        @DisplayName("an unknown HARNESS_MODE names the environment variable")
        void unknownEnvMode() {
            assertThatThrownBy(() -> Mode.resolve(
                            Optional.empty(),
                            ConfigurationSource.empty(),
                            ConfigurationSource.of(Map.of("HARNESS_MODE", "recrod"))))
                    .hasMessageStartingWith("Invalid harness mode 'recrod' from environment variable HARNESS_MODE.");
        }

        @Test
        @DisplayName("a recordings directory that does not exist, in record mode")
        void missingDirectory() {
            Path missing = recordings.resolve("nope");
            assertThatThrownBy(() -> Harnesses.of(missing, Mode.RECORD))
                    .isInstanceOf(HarnessConfigurationException.class)
                    .hasMessage("Recordings directory " + missing.toAbsolutePath()
                            + " does not exist, so mode record cannot write "
                            + "recordings. Create it (mkdir -p " + missing.toAbsolutePath()
                            + ") or point harness.recordings-dir at the right folder.");
        }

        @Test
        @DisplayName("a recordings 'directory' that is a file, in record-if-missing mode")
        void fileNotDirectory() throws IOException {
            Path plain = Files.writeString(recordings.resolve("plain.txt"), "x");
            assertThatThrownBy(() -> Harnesses.of(plain, Mode.RECORD_IF_MISSING))
                    .isInstanceOf(HarnessConfigurationException.class)
                    .hasMessageContaining(
                            plain.toAbsolutePath() + " is a file, not a folder, so mode record-if-missing")
                    .hasMessageNotContaining("does not exist");
        }

        @Test
        @DisplayName("a namespace that would escape the recordings folder")
        void namespace() {
            assertThatThrownBy(() -> Harnesses.builder(recordings, Mode.REPLAY)
                            .namespace("../etc")
                            .build())
                    .hasMessageStartingWith("Invalid namespace '../etc'");
        }
    }

    @Nested
    @DisplayName("mode resolution")
    class Resolution {
        @Test
        @DisplayName("explicit, then configuration, then environment, then replay")
        void order() {
            ConfigurationSource config = ConfigurationSource.of(Map.of("harness.mode", "record"));
            ConfigurationSource env = ConfigurationSource.of(Map.of("HARNESS_MODE", "live"));
            assertThat(Mode.resolve(Optional.of(Mode.RECORD_IF_MISSING), config, env))
                    .isEqualTo(Mode.RECORD_IF_MISSING);
            assertThat(Mode.resolve(Optional.empty(), config, env)).isEqualTo(Mode.RECORD);
            assertThat(Mode.resolve(Optional.empty(), ConfigurationSource.empty(), env))
                    .isEqualTo(Mode.LIVE);
            assertThat(Mode.resolve(Optional.empty(), ConfigurationSource.empty(), ConfigurationSource.empty()))
                    .isEqualTo(Mode.REPLAY);
        }

        @Test
        @DisplayName("values are case-insensitive and may use the enum name")
        void spelling() {
            assertThat(Mode.parse(" Record-If-Missing ", "x")).isEqualTo(Mode.RECORD_IF_MISSING);
            assertThat(Mode.parse("RECORD_IF_MISSING", "x")).isEqualTo(Mode.RECORD_IF_MISSING);
        }
    }
}
