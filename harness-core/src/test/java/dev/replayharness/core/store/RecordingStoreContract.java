package dev.replayharness.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.testing.LoopbackUpstream;

/**
 * What the engine needs of any {@link RecordingStore}, asserted through a real harness session, so
 * the file store and the in-memory store are held to one contract.
 */
abstract class RecordingStoreContract {
    private static final String CHAT = "/v1/chat/completions";

    LoopbackUpstream upstream;
    RecordingStore store;

    /** A fresh, empty store of namespace {@code test}. */
    abstract RecordingStore newStore() throws IOException;

    /** Every recording the store holds now, by location. */
    abstract List<Path> held() throws IOException;

    /** Stores {@code recording} under file name {@code name}, bypassing the engine (a hand-made file). */
    abstract void putRaw(String name, Recording recording) throws IOException;

    /** Reads what the store holds at {@code location}. */
    abstract Recording read(Path location) throws IOException;

    @BeforeEach
    void start() throws IOException {
        upstream = new LoopbackUpstream().json(CHAT, 200, "{\"answer\":\"Earth\"}");
        store = newStore();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    Harness harness(Mode mode) {
        return harness(mode, RepeatPolicy.SEQUENCE);
    }

    Harness harness(Mode mode, RepeatPolicy policy) {
        return Harness.builder()
                .recordingStore(store)
                .mode(mode)
                .repeatPolicy(policy)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
    }

    String send(HarnessSession session, String question) throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(upstream.uri(CHAT))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JdkHarness.wrap(HttpClient.newHttpClient(), session)
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    void record(String testId, String... questions) throws Exception {
        try (HarnessSession session = harness(Mode.RECORD).session(testId)) {
            for (String question : questions) {
                send(session, question);
            }
        }
    }

    @Nested
    @DisplayName("recording and replaying")
    class RecordAndReplay {
        @Test
        @DisplayName("a recorded exchange replays from the store without calling upstream")
        void replays() throws Exception {
            record("Store#replays", "Which planet?");
            assertThat(held()).hasSize(1);
            int calls = upstream.requestCount();
            try (HarnessSession session = harness(Mode.REPLAY).session("Store#replays")) {
                assertThat(send(session, "Which planet?")).isEqualTo("{\"answer\":\"Earth\"}");
                assertThat(session.uses())
                        .extracting(RecordingUse::outcome)
                        .containsExactly(RecordingUse.Outcome.REPLAYED);
                assertThat(session.uses().get(0).file()).isEqualTo(held().get(0));
            }
            assertThat(upstream.requestCount()).isEqualTo(calls);
        }

        @Test
        @DisplayName("the n-th identical request is the n-th recording of its key, where the store locates it")
        void occurrences() throws Exception {
            record("Store#twice", "Same", "Same");
            assertThat(held()).hasSize(2);
            Path first = held().stream()
                    .filter(p -> RecordingsFolder.name(p).orElseThrow().occurrence() == 1)
                    .findFirst()
                    .orElseThrow();
            RecordingKey key = RecordingsFolder.name(first).orElseThrow().key();
            assertThat(held()).containsExactlyInAnyOrder(store.locate(key, 1), store.locate(key, 2));
        }

        @Test
        @DisplayName("a discarded session leaves nothing in the store")
        void discard() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).session("Store#discard")) {
                send(session, "Dropped");
                assertThat(session.discard()).hasSize(1);
            }
            assertThat(held()).isEmpty();
        }

        @Test
        @DisplayName("REUSE_LAST replays the last recording again for a request repeated beyond those recorded")
        void reuseLast() throws Exception {
            record("Store#reuse", "Again");
            try (HarnessSession session =
                    harness(Mode.REPLAY, RepeatPolicy.REUSE_LAST).session("Store#reuse")) {
                send(session, "Again");
                assertThat(send(session, "Again")).isEqualTo("{\"answer\":\"Earth\"}");
            }
        }

        @Test
        @DisplayName("a test falls back to a shared recording of the same request")
        void sharedFallback() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).sharedSession()) {
                send(session, "Shared");
            }
            try (HarnessSession session = harness(Mode.REPLAY).session("Store#anyone")) {
                assertThat(send(session, "Shared")).isEqualTo("{\"answer\":\"Earth\"}");
            }
        }
    }

    @Nested
    @DisplayName("what it refuses and reports")
    class Refuses {
        @Test
        @DisplayName("a recording stored under another key's name fails, naming the key its request hashes to")
        void misnamed() throws Exception {
            record("Store#misnamed", "Renamed");
            Path original = held().get(0);
            Recording recording = read(original);
            record("Store#misnamed", "Target");
            Path target =
                    held().stream().filter(p -> !p.equals(original)).findFirst().orElseThrow();
            putRaw(target.getFileName().toString(), recording);
            try (HarnessSession session = harness(Mode.REPLAY).session("Store#misnamed")) {
                RecordingFormatException e =
                        catchThrowableOfType(RecordingFormatException.class, () -> send(session, "Target"));
                assertThat(e)
                        .hasMessageContaining("its name says key "
                                + RecordingsFolder.name(target).orElseThrow().key() + " but its request hashes to "
                                + RecordingsFolder.name(original).orElseThrow().key());
            }
        }

        @Test
        @DisplayName("a miss names the nearest recording of the endpoint and how its body differs")
        void nearest() throws Exception {
            record("Store#near", "Which planet do humans live on?");
            try (HarnessSession session = harness(Mode.REPLAY).session("Store#near")) {
                ReplayMissError miss = catchThrowableOfType(
                        ReplayMissError.class, () -> send(session, "Which planet do people live on?"));
                assertThat(miss.getMessage())
                        .contains(
                                "Nearest recordings (same endpoint):\n  "
                                        + held().get(0).toAbsolutePath()
                                        + " (same test), 1 difference\n    /messages/0/content: this request has \"Which planet do people live on?\"");
            }
        }

        @Test
        @DisplayName("the nearest search sees recordings added after its first miss")
        void nearestStaysCurrent() throws Exception {
            assertThatThrownBy(() -> {
                        try (HarnessSession session = harness(Mode.REPLAY).session("Store#later")) {
                            send(session, "First");
                        }
                    })
                    .isInstanceOf(ReplayMissError.class)
                    .hasMessageContaining("Nearest recordings: none");
            record("Store#later", "Second");
            try (HarnessSession session = harness(Mode.REPLAY).session("Store#later")) {
                ReplayMissError miss = catchThrowableOfType(ReplayMissError.class, () -> send(session, "First"));
                assertThat(miss.getMessage()).contains(held().get(0).toAbsolutePath() + " (same test), 1 difference");
            }
        }
    }
}
