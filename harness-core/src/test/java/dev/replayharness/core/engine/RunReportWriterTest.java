package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.RunReportWriter;
import dev.replayharness.core.store.RunReportFile;

@DisplayName("A server's run report (RunReportWriter)")
class RunReportWriterTest {
    @TempDir
    Path dir;

    RecordingUse replayed(String name) {
        return new RecordingUse(
                RecordingUse.Outcome.REPLAYED, "POST", "/v1/chat/completions", dir.resolve("recordings/ns/" + name));
    }

    @Test
    @DisplayName("makes one entry of a test id's sessions, its uses in the same order whatever order they came in,"
            + " files relative to the recordings root; another namespace's entry stays apart")
    void oneEntryPerTestAndNamespace() throws Exception {
        Path root = dir.resolve("recordings");
        RecordingUse missed = new RecordingUse(RecordingUse.Outcome.MISSED, "GET", "/v1/models", null);
        List<RunReportFile.Test> written = List.of();
        for (boolean reversed : new boolean[] {false, true}) {
            RunReportWriter writer = new RunReportWriter(dir.resolve("report-" + reversed + ".json"), root);
            List<List<RecordingUse>> sessions =
                    List.of(List.of(replayed("b.json")), List.of(replayed("a.json"), missed));
            for (int i = 0; i < sessions.size(); i++) {
                writer.add("T#x", "ns", Mode.REPLAY, sessions.get(reversed ? sessions.size() - 1 - i : i));
            }
            writer.add("T#x", "other", Mode.REPLAY, List.of(replayed("c.json")));
            writer.write();
            List<RunReportFile.Test> tests = RunReportFile.read(writer.file()).tests();
            if (!reversed) {
                written = tests;
            }
            assertThat(tests).as("reversed %s", reversed).isEqualTo(written);
        }
        assertThat(written).extracting(RunReportFile.Test::namespace).containsExactly("ns", "other");
        assertThat(written.get(0).recordings())
                .containsExactly(
                        new RunReportFile.Use("MISSED", "GET", "/v1/models", null),
                        new RunReportFile.Use("REPLAYED", "POST", "/v1/chat/completions", "ns/a.json"),
                        new RunReportFile.Use("REPLAYED", "POST", "/v1/chat/completions", "ns/b.json"));
        assertThat(written.get(0).mode()).isEqualTo(Mode.REPLAY.value());
    }
}
