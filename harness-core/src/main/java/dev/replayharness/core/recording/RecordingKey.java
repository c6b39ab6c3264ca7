package dev.replayharness.core.recording;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a request's canonical form, as 64 lower-case hex digits. The n-th identical request
 * of a test is stored as {@code <key>.json} for n = 1 and {@code <key>-<n>.json} after that.
 *
 * @param hex 64 lower-case hex digits
 */
public record RecordingKey(String hex) {
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{64})(?:-([1-9][0-9]{0,8}))?\\.json");

    public RecordingKey {
        if (!isKeyHex(hex)) {
            throw new IllegalArgumentException("A recording key is 64 lower-case hex digits, not '" + hex + "'");
        }
    }

    /** 64 lower-case hex digits; a loop, not a regex: three keys are checked per exchange. */
    private static boolean isKeyHex(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The file name of the {@code occurrence}-th identical request (1-based). */
    public String fileName(int occurrence) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence starts at 1, but is " + occurrence);
        }
        return occurrence == 1 ? hex + ".json" : hex + "-" + occurrence + ".json";
    }

    /** {@code rec-} and the first 12 hex digits: what response normalizers put in place of volatile ids. */
    public String stableId() {
        return "rec-" + hex.substring(0, 12);
    }

    /** A key and occurrence read back from a file name, or empty when the name is not a recording's. */
    public static Optional<Named> parseFileName(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int occurrence = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return occurrence == 1 && m.group(2) != null
                ? Optional.empty()
                : Optional.of(new Named(new RecordingKey(m.group(1)), occurrence));
    }

    /** A key and which identical request it is. */
    public record Named(RecordingKey key, int occurrence) {}

    @Override
    public String toString() {
        return hex;
    }
}
