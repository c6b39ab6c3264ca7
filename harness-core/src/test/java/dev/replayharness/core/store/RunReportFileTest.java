package dev.replayharness.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A run report file")
class RunReportFileTest {
    @TempDir
    Path dir;

    static RunReportFile.Report report(String runId, String... testIds) {
        List<RunReportFile.Test> tests = new ArrayList<>();
        for (String id : testIds) {
            tests.add(new RunReportFile.Test(
                    id,
                    "ns",
                    "replay",
                    List.of(new RunReportFile.Use("REPLAYED", "POST", "/v1", "ns/" + id + ".json"))));
        }
        return new RunReportFile.Report(runId, "/recordings", tests);
    }

    static List<String> ids(Path file) {
        return RunReportFile.read(file).tests().stream()
                .map(RunReportFile.Test::testId)
                .toList();
    }

    @Nested
    @DisplayName("written by another JVM of the same run")
    class SameRun {
        @Test
        @DisplayName("keeps its tests and adds this JVM's, sorted by test id")
        void adds() throws Exception {
            Path file = dir.resolve("report.json");
            RunReportFile.write(file, report("run-1", "b", "d"));

            RunReportFile.write(file, report("run-1", "c", "a"));

            assertThat(ids(file)).containsExactly("a", "b", "c", "d");
        }

        @Test
        @DisplayName("lets a test id written again (a rerun) replace its earlier entry")
        void rerun() throws Exception {
            Path file = dir.resolve("report.json");
            RunReportFile.write(file, report("run-1", "a"));
            RunReportFile.Test again = new RunReportFile.Test("a", "ns", "record", List.of());

            RunReportFile.write(file, new RunReportFile.Report("run-1", "/recordings", List.of(again)));

            assertThat(RunReportFile.read(file).tests()).containsExactly(again);
        }

        @Test
        @DisplayName("keeps one test id's entries of two namespaces apart (a rerun replaces only its own namespace's)")
        void namespacesApart() throws Exception {
            Path file = dir.resolve("report.json");
            RunReportFile.write(file, report("run-1", "a"));
            RunReportFile.Test other = new RunReportFile.Test("a", "other", "replay", List.of());

            RunReportFile.write(file, new RunReportFile.Report("run-1", "/recordings", List.of(other)));

            assertThat(RunReportFile.read(file).tests())
                    .containsExactly(report("run-1", "a").tests().get(0), other);
        }

        @Test
        @DisplayName("loses no entry when many writers end at once")
        void concurrent() throws Exception {
            Path file = dir.resolve("report.json");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    String id = "t%02d".formatted(i);
                    writes.add(pool.submit(() -> {
                        RunReportFile.write(file, report("run-1", id));
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(ids(file)).hasSize(64).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("of another run, or of no run id, is replaced: an older run's entries never count")
    void otherRun() throws Exception {
        Path file = dir.resolve("report.json");
        RunReportFile.write(file, report("run-1", "old"));

        RunReportFile.write(file, report("run-2", "new"));
        assertThat(ids(file)).containsExactly("new");

        RunReportFile.write(file, report(null, "alone"));
        assertThat(ids(file)).containsExactly("alone");
        assertThat(Files.readString(file)).doesNotContain("runId");
    }

    @Test
    @DisplayName("that is not a report is replaced when written, and named with the fix when read")
    void notAReport() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"something\": \"else\"}");

        assertThatThrownBy(() -> RunReportFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a run report");

        RunReportFile.write(file, report("run-1", "a"));
        assertThat(ids(file)).containsExactly("a");
    }

    @Test
    @DisplayName("sums one summary line per namespace over every test given")
    void summary() {
        List<RunReportFile.Test> tests = new ArrayList<>(report("r", "a", "b").tests());
        tests.add(new RunReportFile.Test(
                "c", "other", "record", List.of(new RunReportFile.Use("RECORDED", "POST", "/v1", "other/x.json"))));
        tests.add(new RunReportFile.Test(
                "d", "ns", "replay", List.of(new RunReportFile.Use("MISSED", "POST", "/v1", null))));

        assertThat(RunReportFile.summary(tests))
                .containsExactly(
                        "Replay Harness [ns]: 2 replayed, 0 recorded, 1 missed, 0 live in 3 tests",
                        "Replay Harness [other]: 0 replayed, 1 recorded, 0 missed, 0 live in 1 test");
    }
}
