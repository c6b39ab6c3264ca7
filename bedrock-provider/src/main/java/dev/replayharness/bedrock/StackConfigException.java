package dev.replayharness.bedrock;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A stack configuration file is wrong: unreadable, not YAML, a required key missing, a value of
 * the wrong kind, an unknown provider type, or an {@code ${env.NAME}} placeholder with the variable
 * unset and no default. The message names the file, the key path (e.g.
 * {@code providers.inference[0].config.region_name}) and the fix.
 */
public final class StackConfigException extends RuntimeException {

    private final Path file;
    private final String keyPath;

    /**
     * @param file the configuration file
     * @param keyPath the offending key, or null when the problem is the file as a whole
     * @param problem what is wrong
     * @param fix what to do about it
     * @param cause the underlying failure, or null
     */
    public StackConfigException(Path file, String keyPath, String problem, String fix, Throwable cause) {
        super(file + ": " + (keyPath == null ? "" : keyPath + ": ") + problem + ". Fix: " + fix, cause);
        this.file = file;
        this.keyPath = keyPath;
    }

    /** The configuration file. */
    public Path file() {
        return file;
    }

    /** The offending key path, when one key is to blame. */
    public Optional<String> keyPath() {
        return Optional.ofNullable(keyPath);
    }
}
