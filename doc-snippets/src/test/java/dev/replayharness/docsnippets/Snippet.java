package dev.replayharness.docsnippets;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code ```java} block of a Markdown file.
 *
 * @param file the Markdown file, relative to the repository root
 * @param line the 1-based line of the block's first code line
 * @param code the block's text, exactly as printed
 * @param template the name in the {@code <!-- snippet: NAME -->} marker right before the block, if any
 * @param previous the code of the previous {@code ```java} block of the same file ("" for the first)
 */
record Snippet(Path file, int line, String code, Optional<String> template, String previous) {

    /** {@code README.md:42}: where a reader finds the block. */
    String where() {
        return file.toString().replace('\\', '/') + ":" + line;
    }

    @Override
    public String toString() {
        return where() + template.map(t -> " (snippet: " + t + ")").orElse(" (as printed)");
    }
}
