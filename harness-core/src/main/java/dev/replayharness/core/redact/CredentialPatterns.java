package dev.replayharness.core.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential-looking strings {@link Redactor} removes by pattern, whatever secrets it knows: a token
 * after an auth scheme, and the shapes of known providers' keys. Each pattern runs only when a cheap
 * literal check says it may match, since most text holds none.
 */
final class CredentialPatterns {
    /**
     * A credential after an auth scheme. In free text ("a basic overview") the words are ordinary, so
     * only a token-shaped value counts: at least 20 characters of token alphabet, with a digit in it.
     */
    private static final Pattern BEARER =
            Pattern.compile("(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{20,}=*");
    /**
     * Token patterns, each with the literals one of which every match contains. Most text holds none of
     * them, and {@link String#contains} finds that out far faster than a regex that starts with a word
     * boundary (tried at every position): the pattern only runs when a literal is there.
     */
    private static final List<Token> TOKENS = List.of(
            new Token(Pattern.compile("bedrock-api-key-[A-Za-z0-9+/=_%-]+"), "bedrock-api-key-"),
            new Token(Pattern.compile("ABSK[A-Za-z0-9+/=]{20,}"), "ABSK"),
            new Token(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "AKIA", "ASIA"),
            new Token(Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}"), "sk-"));

    private record Token(Pattern pattern, String... literals) {
        boolean mayMatch(String text) {
            for (String literal : literals) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    private CredentialPatterns() {}

    /** {@code text} with every match replaced; the same object when nothing matched. */
    static String redact(String text) {
        String result = text;
        if (mayHoldScheme(result)) {
            Matcher bearer = BEARER.matcher(result);
            if (bearer.find()) {
                result = bearer.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + Redactor.PLACEHOLDER));
            }
        }
        for (Token token : TOKENS) {
            if (token.mayMatch(result)) {
                Matcher m = token.pattern.matcher(result);
                if (m.find()) {
                    result = m.replaceAll(Redactor.PLACEHOLDER);
                }
            }
        }
        return result;
    }

    /**
     * Whether {@code text} holds "bearer" or "basic" in any case, which every {@link #BEARER} match does.
     * The pattern's {@code (?i)} folds ASCII only, so a match starts with a literal 'b' or 'B' (found by
     * {@link String#indexOf(int, int)}, which is vectorized); {@link String#regionMatches(boolean, int, String,
     * int, int)} folds the rest at least as widely as the pattern, so a false answer is always right.
     */
    private static boolean mayHoldScheme(String text) {
        return mayHoldScheme(text, 'b') || mayHoldScheme(text, 'B');
    }

    private static boolean mayHoldScheme(String text, char first) {
        for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(true, i, "basic", 0, 5) || text.regionMatches(true, i, "bearer", 0, 6)) {
                return true;
            }
        }
        return false;
    }
}
