package dev.replayharness.bedrock.recorded;

import java.text.Normalizer;
import java.util.Locale;

/** How the Bedrock testing guide compares answers: NFD, drop non-ASCII, lower-case. */
final class Answers {
    private Answers() {}

    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("[^\\x00-\\x7F]", "")
                .toLowerCase(Locale.ROOT);
    }
}
