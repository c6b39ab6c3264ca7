package dev.replayharness.docsnippets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code ```java} blocks of Markdown files, with the {@code <!-- snippet: NAME -->} marker before each. */
final class MarkdownSnippets {

    static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*([A-Za-z0-9_-]+)\\s*-->");

    private MarkdownSnippets() {}

    /** The Java blocks of {@code markdown} (a file under {@code root}), in order. */
    static List<Snippet> of(Path root, Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        Path relative = root.relativize(markdown);
        List<Snippet> snippets = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            Optional<String> template = markerBefore(lines, i);
            int first = i + 1;
            int end = first;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException(relative + ":" + (i + 1) + ": the ```java block is never closed");
            }
            String code = String.join("\n", lines.subList(first, end)) + "\n";
            snippets.add(new Snippet(relative, first + 1, code, template, previous));
            previous = code;
            i = end;
        }
        return snippets;
    }

    /** The marker on the nearest non-blank line above the fence, if that line is one. */
    private static Optional<String> markerBefore(List<String> lines, int fence) {
        for (int j = fence - 1; j >= 0; j--) {
            String text = lines.get(j).strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher marker = MARKER.matcher(text);
            return marker.matches() ? Optional.of(marker.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }
}
