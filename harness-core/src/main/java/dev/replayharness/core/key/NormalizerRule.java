package dev.replayharness.core.key;

import java.util.regex.Pattern;

import dev.replayharness.core.normalize.RequestNormalizer;

/**
 * A request normalizer and the endpoints it applies to.
 *
 * @param method the method it applies to (upper case), or {@code null} for any
 * @param path the raw paths it applies to
 * @param normalizer what it does to a JSON body before keying
 */
public record NormalizerRule(String method, Pattern path, RequestNormalizer normalizer) {

    public boolean applies(String requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod))
                && path.matcher(requestPath).matches();
    }

    /** A glob where {@code *} matches any run of characters. */
    public static Pattern glob(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
