package dev.replayharness.docsnippets;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the nearest directory, from the working directory up, whose pom.xml is the reactor's parent. */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom)
                        && Files.readString(pom).contains("<artifactId>replay-harness-parent</artifactId>")
                        && Files.isDirectory(dir.resolve("harness-bom"))) {
                    return dir;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read " + pom, e);
            }
        }
        throw new IllegalStateException(
                "No repository root (a pom.xml of replay-harness-parent beside harness-bom/) in " + start
                        + " or above; run the tests from the repository.");
    }
}
