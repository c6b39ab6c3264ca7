package dev.replayharness.llamastack;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.replayharness.core.recording.RecordingFormatException;

/**
 * A Llama Stack import found files it cannot import, and so wrote nothing. The message lists every such file,
 * one line each, with the field at fault and the fix.
 */
public final class LlamaStackImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RecordingFormatException> problems;

    LlamaStackImportException(List<Path> sources, List<RecordingFormatException> problems) {
        super("Llama Stack import from " + sources.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " wrote nothing: " + problems.size() + (problems.size() == 1 ? " file" : " files")
                + " cannot be imported.\n"
                + problems.stream().map(RecordingFormatException::getMessage).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        problems.forEach(this::addSuppressed);
    }

    /** One per file that cannot be imported, in the order the files were read; each names its file. */
    public List<RecordingFormatException> problems() {
        return problems;
    }
}
