package dev.replayharness.cli;

import java.util.ArrayList;
import java.util.List;

import dev.replayharness.core.redact.Redactor;

/**
 * The check behind {@code harness verify}: finds credential-looking strings ({@code Bearer …}, {@code bedrock-api-key-…}, {@code ABSK…},
 * {@code AKIA…}/{@code ASIA…}, {@code sk-…}) in text, by the same patterns the harness redacts with.
 * Reports where, never what: the finding must not repeat the secret.
 */
final class CredentialScanner {
    private static final Redactor PATTERNS = new Redactor();

    private CredentialScanner() {}

    /** 1-based numbers of the lines of {@code text} that hold a credential-looking string. */
    static List<Integer> linesWithCredentials(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            if (PATTERNS.containsSecret(split[i])) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
