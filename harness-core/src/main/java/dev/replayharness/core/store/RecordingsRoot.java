package dev.replayharness.core.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the recordings root is when nobody names one: the one rule the JUnit extension, the proxy
 * and {@code serve} share, so that each finds the committed recordings from any folder of a clone.
 */
public final class RecordingsRoot {

    /** The folder name looked for. */
    public static final String FOLDER = "recordings";

    private RecordingsRoot() {}

    /**
     * {@code recordings} in the nearest directory, from {@code workingDirectory} up, that has a
     * {@code recordings} folder or a {@code .git} entry; else {@code <workingDirectory>/recordings}.
     * Maven runs tests in a module's directory and people start tools in any folder, while the
     * recordings are committed at the repository root; {@code .git} stops the walk at the clone's top.
     */
    public static Path nearest(Path workingDirectory) {
        Path start = workingDirectory.toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(FOLDER)) || Files.exists(dir.resolve(".git"))) {
                return dir.resolve(FOLDER);
            }
        }
        return start.resolve(FOLDER);
    }
}
