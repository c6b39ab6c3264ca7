package dev.replayharness.llamastack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real Bedrock traffic recorded by Llama Stack: {@code ../shared/fixtures/llama-stack-bedrock} beside the repository, never copied into it. */
final class LlamaStackFixtures {
    private LlamaStackFixtures() {}

    /** The fixture folder; the calling test is skipped, with the reason, when it is absent. */
    static Path folder() {
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && Files.exists(root.getParent().resolve("pom.xml"))) {
            root = root.getParent(); // up to the directory holding the top pom
        }
        Path fixtures = root.resolve("../shared/fixtures/llama-stack-bedrock").normalize();
        assumeTrue(
                Files.isDirectory(fixtures.resolve("responses")),
                fixtures
                        + " (with its responses/ folder) is absent, so there are no real Llama Stack recordings to import");
        return fixtures;
    }
}
