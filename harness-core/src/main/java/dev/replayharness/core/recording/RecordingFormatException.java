package dev.replayharness.core.recording;

import java.nio.file.Path;

/**
 * A recording file is wrong: unparseable or truncated, of an unknown format version, missing a
 * field, or named for a key other than its request's. The message names the file and the fix.
 */
public class RecordingFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public RecordingFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public RecordingFormatException(Path file, String problem, Throwable cause) {
        super("Recording " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
