package dev.replayharness.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;

/** Harnesses for tests: isolated from the machine's -Dharness.mode and HARNESS_MODE. */
public final class Harnesses {
    private Harnesses() {}

    public static Harness.Builder builder(Path recordings, Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("test")
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty());
    }

    public static Harness of(Path recordings, Mode mode) {
        return builder(recordings, mode).build();
    }

    /** Every recording file under {@code directory}, sorted. */
    public static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
