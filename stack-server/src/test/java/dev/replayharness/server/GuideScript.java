package dev.replayharness.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Just enough of a shell to read the guide's curl examples without a shell: joins backslash
 * continuations and splits a command into words the way bash does for the quoting the guide uses
 * (single quotes, double quotes with {@code $VAR} / {@code ${VAR}} / {@code ${VAR:-default}},
 * adjacent pieces concatenated), stopping at an unquoted {@code |}.
 */
final class GuideScript {

    private GuideScript() {}

    /** The script's logical lines: continuations joined, blank lines and comments dropped. */
    static List<String> lines(String script) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSingle = false;
        for (String raw : script.split("\n", -1)) {
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(raw);
            inSingle = openSingleQuote(current);
            if (inSingle) {
                continue;
            }
            if (raw.endsWith("\\")) {
                current.setLength(current.length() - 1);
                continue;
            }
            String line = current.toString().strip();
            current.setLength(0);
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static boolean openSingleQuote(CharSequence text) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
        }
        return single;
    }

    /** The words of a command up to the first unquoted {@code |}, and the rest of the pipeline. */
    record Command(List<String> words, String pipeline) {}

    static Command words(String line, Function<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '|') {
                break;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder quoted = new StringBuilder();
                while (line.charAt(end) != '"') {
                    if (line.charAt(end) == '$') {
                        end = expand(line, end, variables, quoted);
                    } else {
                        quoted.append(line.charAt(end++));
                    }
                }
                word.append(quoted);
                i = end + 1;
            } else if (c == '$') {
                i = expand(line, i, variables, word);
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return new Command(words, i < line.length() ? line.substring(i + 1).strip() : "");
    }

    /** Expands the variable at {@code line[at] == '$'} into {@code out}; returns the index after it. */
    private static int expand(String line, int at, Function<String, String> variables, StringBuilder out) {
        if (line.charAt(at + 1) == '{') {
            int end = line.indexOf('}', at);
            String body = line.substring(at + 2, end);
            int dflt = body.indexOf(":-");
            String name = dflt < 0 ? body : body.substring(0, dflt);
            String value = variables.apply(name);
            out.append(value != null && !value.isEmpty() ? value : dflt < 0 ? "" : body.substring(dflt + 2));
            return end + 1;
        }
        int end = at + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        String value = variables.apply(line.substring(at + 1, end));
        out.append(value == null ? "" : value);
        return end;
    }

    /** A curl invocation: {@code -X}, {@code -H}, {@code -d} and the URL; {@code -s} is accepted. */
    record Curl(String method, String url, Map<String, String> headers, String data) {}

    static Curl curl(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + words);
        }
        String method = null;
        String url = null;
        String data = null;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                }
                case "-d" -> data = words.get(++i);
                case "-s" -> {}
                default -> {
                    if (w.startsWith("-")) {
                        throw new IllegalArgumentException("curl option " + w + " is not understood by this test");
                    }
                    url = w;
                }
            }
        }
        return new Curl(method != null ? method : data != null ? "POST" : "GET", url, headers, data);
    }
}
