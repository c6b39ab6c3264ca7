package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.Harnesses;
import dev.replayharness.core.testing.LoopbackUpstream;

@DisplayName("A replay miss says what was asked, where it looked, what is nearest, and how to record it")
class ReplayMissTest {
    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path recordings;

    LoopbackUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new LoopbackUpstream().json(CHAT, 200, "{\"ok\":true}");
        send(Harnesses.of(recordings, Mode.RECORD), "Miss#planets", "Which planet do humans live on?", 0.7);
        send(Harnesses.of(recordings, Mode.RECORD), "Miss#other", "Something else entirely", 0.1);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private void send(Harness harness, String testId, String question, double temperature) throws Exception {
        try (HarnessSession session = harness.session(testId)) {
            send(session, CHAT, question, temperature);
        }
    }

    private void send(HarnessSession session, String pathAndQuery, String question, double temperature)
            throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question
                + "\"}],\"temperature\":" + temperature + "}";
        HttpRequest request = HttpRequest.newBuilder(upstream.uri(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JdkHarness.wrap(HttpClient.newHttpClient(), session).send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName(
            "a recording with the same body says why it does not answer: another occurrence, the query, or another test")
    void sameBodyReasons() throws Exception {
        Harness replay = Harnesses.of(recordings, Mode.REPLAY);
        try (HarnessSession session = replay.session("Miss#planets")) {
            send(session, CHAT, "Which planet do humans live on?", 0.7);
            ReplayMissError second = catchThrowableOfType(
                    ReplayMissError.class, () -> send(session, CHAT, "Which planet do humans live on?", 0.7));
            assertThat(second.getMessage())
                    .contains("This is identical request #2 in this test; only 1 recorded.")
                    .contains(" (same test), 0 differences in the body (it is this request's recording #1)\n")
                    .doesNotContain("the test identity differs");
        }
        try (HarnessSession session = replay.session("Miss#planets")) {
            ReplayMissError query = catchThrowableOfType(
                    ReplayMissError.class,
                    () -> send(session, CHAT + "?api-version=2", "Which planet do humans live on?", 0.7));
            assertThat(query.getMessage())
                    .contains(
                            " (same test), 0 differences in the body (the query differs: this request has 'api-version=2',"
                                    + " the recording has none)\n");
        }
        try (HarnessSession session = Harnesses.of(recordings, Mode.RECORD).session("Miss#query")) {
            send(session, CHAT + "?a=1&b=2", "Queried", 0.5);
        }
        try (HarnessSession session = replay.session("Miss#newcomer")) {
            ReplayMissError reordered =
                    catchThrowableOfType(ReplayMissError.class, () -> send(session, CHAT + "?b=2&a=1", "Queried", 0.5));
            assertThat(reordered.getMessage())
                    .as("a reordered query is the same query to the key")
                    .contains(" (other test: Miss#query), 0 differences in the body (the test identity differs)\n");
        }
        try (HarnessSession session = replay.session("Miss#newcomer")) {
            ReplayMissError other = catchThrowableOfType(
                    ReplayMissError.class, () -> send(session, CHAT, "Something else entirely", 0.1));
            assertThat(other.getMessage())
                    .contains(" (other test: Miss#other), 0 differences in the body (the test identity differs)\n");
        }
    }

    @Test
    void message() {
        Harness replay = Harnesses.builder(recordings, Mode.REPLAY)
                .recordCommand(test -> "mvn test -Dtest='" + test + "' -Dharness.mode=record-if-missing")
                .build();
        ReplayMissError miss = catchThrowableOfType(
                ReplayMissError.class, () -> send(replay, "Miss#planets", "Which planet do people live on?", 0.70));
        Path dir = recordings.resolve("test").toAbsolutePath();
        assertThat(miss.getMessage())
                .startsWith(
                        "Replay Harness: no recording for this request (mode replay, namespace 'test', test 'Miss#planets').\n"
                                + "Request: POST /v1/chat/completions\n"
                                + "Canonical form (redacted): {\"body\":{\"messages\":[{\"content\":\"Which planet do people live on?\","
                                + "\"role\":\"user\"}],\"model\":\"m\",\"temperature\":0.7},\"method\":\"POST\",\"path\":\"/v1/chat/completions\","
                                + "\"test\":\"Miss#planets\"}\n"
                                + "Looked for:\n  " + dir + "/")
                .contains("Nearest recordings (same endpoint):\n  " + dir + "/")
                .contains(" (same test), 1 difference\n"
                        + "    /messages/0/content: this request has \"Which planet do people live on?\", "
                        + "the recording has \"Which planet do humans live on?\"\n")
                .contains(" (other test: Miss#other), 2 differences\n")
                .endsWith("To record it: mvn test -Dtest='Miss#planets' -Dharness.mode=record-if-missing\n");
        assertThat(miss.getMessage().indexOf("(same test)"))
                .isLessThan(miss.getMessage().indexOf("(other test"));
        assertThat(miss.getExpected().getStringRepresentation()).contains("Which planet do humans live on?");
        assertThat(miss.getActual().getStringRepresentation()).contains("Which planet do people live on?");
    }

    @Test
    @DisplayName("a recording with an odd URL (no path) among the others does not break the miss report")
    void opaqueUrlInFolder() throws Exception {
        Path any = Harnesses.files(recordings).get(0);
        Files.writeString(
                any.resolveSibling("a".repeat(64) + ".json"),
                Files.readString(any).replaceFirst("\"url\": \"[^\"]*\"", "\"url\": \"urn:x\""));
        ReplayMissError miss = catchThrowableOfType(
                ReplayMissError.class,
                () -> send(
                        Harnesses.of(recordings, Mode.REPLAY), "Miss#planets", "Which planet do people live on?", 0.7));
        assertThat(miss.getMessage()).contains(" (same test), 1 difference\n");
    }

    @Test
    @DisplayName("a missing namespace folder is named as the likely cause")
    void missingFolder() {
        Harness replay =
                Harnesses.builder(recordings, Mode.REPLAY).namespace("bedrokc").build();
        ReplayMissError miss = catchThrowableOfType(ReplayMissError.class, () -> send(replay, "Miss#planets", "x", 1));
        assertThat(miss.getMessage())
                .contains("Nearest recordings: none; "
                        + recordings.resolve("bedrokc").toAbsolutePath()
                        + " does not exist (check harness.recordings-dir and the namespace).");
    }

    @Test
    @DisplayName("a namespace path that is a file is named as a file, not as missing")
    void namespaceIsAFile() throws Exception {
        Path file = Files.writeString(recordings.resolve("plain"), "not a folder");
        Harness replay =
                Harnesses.builder(recordings, Mode.REPLAY).namespace("plain").build();
        ReplayMissError miss = catchThrowableOfType(ReplayMissError.class, () -> send(replay, "Miss#planets", "x", 1));
        assertThat(miss.getMessage())
                .contains("Nearest recordings: none; " + file.toAbsolutePath()
                        + " is a file, not a folder: point harness.recordings-dir (Harness.Builder.recordingsDirectory) at the"
                        + " recordings folder.\n")
                .doesNotContain("does not exist");
    }
}
