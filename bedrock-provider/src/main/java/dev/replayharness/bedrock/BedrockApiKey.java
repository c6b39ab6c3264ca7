package dev.replayharness.bedrock;

import java.util.Objects;

/**
 * A Bedrock API key (bearer token). Its {@code toString()} never shows the value, so it is safe
 * inside records, logs and exception messages; only {@link #reveal()} gives it out, for the
 * {@code Authorization} header.
 */
public final class BedrockApiKey {

    /** The placeholder a stack configuration uses when no real key is set; for replaying recordings. */
    public static final String REPLAY_DUMMY_KEY = "replay-mode-dummy-key";

    /** Prefix of short-term keys; what follows is a base64 presigned URL that says when it expires. */
    public static final String SHORT_TERM_PREFIX = "bedrock-api-key-";

    private final String value;

    private BedrockApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException if the key is null or blank; the message says where a key comes from
     */
    public static BedrockApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the Bedrock API key is empty: set AWS_BEARER_TOKEN_BEDROCK to a key"
                    + " from the Bedrock console (Discover → API keys), or use " + REPLAY_DUMMY_KEY + " for replay");
        }
        return new BedrockApiKey(value.strip());
    }

    /** The key itself; use only to build the {@code Authorization} header. */
    public String reveal() {
        return value;
    }

    /** True for the replay placeholder {@value #REPLAY_DUMMY_KEY}. */
    public boolean isReplayDummy() {
        return REPLAY_DUMMY_KEY.equals(value);
    }

    /** True for a short-term key ({@value #SHORT_TERM_PREFIX}…), whose expiry can be checked locally. */
    public boolean isShortTerm() {
        return value.startsWith(SHORT_TERM_PREFIX);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BedrockApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** The kind of key only, never its value. */
    @Override
    public String toString() {
        String kind = isReplayDummy() ? "replay dummy" : isShortTerm() ? "short-term" : "long-term or other";
        return "BedrockApiKey[" + kind + ", value redacted]";
    }
}
