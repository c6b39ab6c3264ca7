package dev.replayharness.docsnippets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compilation unit a snippet is compiled as, and where each of its lines came from (so an error names the
 * Markdown line, or the template line). A snippet without a marker is the unit as printed; with
 * {@code <!-- snippet: NAME -->} it replaces the line {@code /* SNIPPET *}{@code /} of {@code NAME.java} in the
 * templates folder (and {@code /* PREVIOUS *}{@code /} there, if present, is the previous block of the same file).
 */
final class SnippetSource {

    static final String SNIPPET = "/* SNIPPET */";
    static final String PREVIOUS = "/* PREVIOUS */";
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    private final String text;
    private final List<String> origins;

    private SnippetSource(String text, List<String> origins) {
        this.text = text;
        this.origins = origins;
    }

    static SnippetSource of(Snippet snippet, Path templates) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        if (snippet.template().isEmpty()) {
            add(snippet.code(), snippet.file() + ":", snippet.line(), out, origins);
            return new SnippetSource(String.join("\n", out) + "\n", origins);
        }
        Path template = templates.resolve(snippet.template().get() + ".java");
        if (!Files.isRegularFile(template)) {
            throw new IllegalArgumentException(snippet.where() + ": <!-- snippet: "
                    + snippet.template().get()
                    + " --> names the template " + template + ", which does not exist. Create it (a Java file with the"
                    + " line " + SNIPPET + " where the block goes) or fix the name.");
        }
        List<String> lines = Files.readAllLines(template);
        boolean placed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals(SNIPPET)) {
                add(snippet.code(), snippet.file() + ":", snippet.line(), out, origins);
                placed = true;
            } else if (line.strip().equals(PREVIOUS)) {
                add(snippet.previous(), "the block before " + snippet.where() + ", its line ", 1, out, origins);
            } else {
                out.add(line);
                origins.add(template + ":" + (i + 1));
            }
        }
        if (!placed) {
            throw new IllegalArgumentException("Template " + template + " (for " + snippet.where() + ") has no line "
                    + SNIPPET + "; add it where the block goes.");
        }
        return new SnippetSource(String.join("\n", out) + "\n", origins);
    }

    private static void add(String code, String prefix, int firstLine, List<String> out, List<String> origins) {
        String[] lines = code.split("\n", -1);
        int count = code.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int k = 0; k < count; k++) {
            out.add(lines[k]);
            origins.add(prefix + (firstLine + k));
        }
    }

    String text() {
        return text;
    }

    /** Where line {@code line} (1-based, as javac counts) of {@link #text()} came from. */
    String origin(long line) {
        return line >= 1 && line <= origins.size() ? origins.get((int) line - 1) : "line " + line;
    }

    /** The file name javac needs: the public top-level type's, else {@code Snippet.java}. */
    String fileName() {
        Matcher type = PUBLIC_TYPE.matcher(text);
        return (type.find() ? type.group(1) : "Snippet") + ".java";
    }
}
