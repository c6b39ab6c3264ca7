package dev.replayharness.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.benchmarks.fixtures.MissStore;
import dev.replayharness.core.ReplayMissError;

@DisplayName("The replay-miss benchmark's store")
class MissStoreTest {
    @TempDir
    Path root;

    @Nested
    @DisplayName("when recorded through the public API")
    class Recorded {
        @Test
        @DisplayName("holds one recording file per exchange, in the benchmark's namespace")
        void holdsOneFilePerExchange() throws IOException {
            MissStore.ensure(root, 10);

            assertThat(jsonFiles()).hasSize(10);
        }

        @Test
        @DisplayName("is reused, not recorded again, while complete")
        void isReused() throws IOException {
            MissStore.ensure(root, 10);
            Path first = jsonFiles().get(0);
            long modified = Files.getLastModifiedTime(first).toMillis();
            Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));

            MissStore.ensure(root, 10);

            assertThat(Files.getLastModifiedTime(first).toMillis()).isEqualTo(modified - 60_000);
        }

        @Test
        @DisplayName("is recorded again when a file is missing")
        void isRecordedAgainWhenIncomplete() throws IOException {
            MissStore.ensure(root, 10);
            Files.delete(jsonFiles().get(0));

            MissStore.ensure(root, 10);

            assertThat(jsonFiles()).hasSize(10);
        }
    }

    @Test
    @DisplayName("answers the benchmark's request with a miss whose report names one of its recordings")
    void missNamesANearestRecording() throws IOException {
        MissBenchmark benchmark = new MissBenchmark();
        benchmark.recordings = 10;
        benchmark.setUpAt(MissStore.ensure(root, 10));

        ReplayMissError miss = benchmark.miss(0);

        assertThat(jsonFiles())
                .anyMatch(f -> miss.getMessage().contains(f.getFileName().toString()));
    }

    private List<Path> jsonFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(MissStore.NAMESPACE))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
