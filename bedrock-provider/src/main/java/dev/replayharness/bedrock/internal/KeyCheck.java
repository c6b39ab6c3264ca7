package dev.replayharness.bedrock.internal;

import java.time.InstantSource;
import java.util.Optional;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockAuthenticationException;
import dev.replayharness.bedrock.BedrockConfig;

/**
 * Refuses a short-term key that cannot work before anything is sent: a malformed one when the
 * client is built, an expired one before each request. Other keys (long-term keys, the replay
 * placeholder) carry no expiry and pass unchecked.
 */
public final class KeyCheck {

    private final Optional<ShortTermKey> shortTermKey;
    private final String region;
    private final InstantSource clock;

    /** @throws BedrockAuthenticationException if the key looks short-term but cannot be decoded */
    public KeyCheck(BedrockApiKey key, String region, InstantSource clock) {
        this.region = region;
        this.clock = clock;
        try {
            this.shortTermKey = ShortTermKey.decode(key.reveal());
        } catch (IllegalArgumentException malformed) {
            // The reason names the broken part; neither it nor this message quotes the key.
            throw new BedrockAuthenticationException(
                    "The Bedrock API key starts with " + BedrockApiKey.SHORT_TERM_PREFIX
                            + " but is not a valid short-term key: " + malformed.getMessage()
                            + ". It was probably cut off when"
                            + " copied; copy the whole key again, or generate a new one. "
                            + ErrorMessages.newShortTermKey(region),
                    false,
                    null,
                    null,
                    null);
        }
    }

    /** @throws BedrockAuthenticationException if the short-term key has expired by now */
    public void beforeRequest() {
        shortTermKey.filter(key -> key.isExpiredAt(clock.instant())).ifPresent(key -> {
            throw new BedrockAuthenticationException(
                    "The Bedrock API key in " + BedrockConfig.API_KEY_VARIABLE
                            + " expired at " + key.expiresAt() + " (issued " + key.issuedAt() + ", valid "
                            + key.validity().toHours() + " h); no request was sent. "
                            + ErrorMessages.newShortTermKey(region),
                    true,
                    null,
                    null,
                    null);
        });
    }
}
