package dev.replayharness.junit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.replayharness.core.store.RecordingsRoot;

/** Where the tests run from: finds the default recordings folder and the Maven module of the working directory. */
final class WorkingTree {
    private WorkingTree() {}

    /**
     * {@code recordings} in the nearest directory, from {@code workingDirectory} up, that has a
     * {@code recordings} folder or a {@code .git} entry; else {@code <workingDirectory>/recordings}.
     * Maven runs tests in the module's directory, while recordings are committed at the repository root.
     */
    static Path defaultRecordingsDirectory(Path workingDirectory) {
        return RecordingsRoot.nearest(workingDirectory);
    }

    /**
     * The working directory relative to its Maven reactor root, e.g. {@code bedrock-provider}: the root
     * is the highest directory reached by walking up through directories that each have a
     * {@code pom.xml}. Empty when the working directory has no {@code pom.xml} or is the root itself.
     */
    static Optional<String> mavenModule(Path workingDirectory) {
        if (!Files.isRegularFile(workingDirectory.resolve("pom.xml"))) {
            return Optional.empty();
        }
        Path root = workingDirectory;
        while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
            root = root.getParent();
        }
        String module = root.relativize(workingDirectory).toString().replace('\\', '/');
        return module.isEmpty() ? Optional.empty() : Optional.of(module);
    }
}
