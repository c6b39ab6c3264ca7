package dev.replayharness.bedrock.internal;

import dev.replayharness.bedrock.BedrockApiKey;
import dev.replayharness.bedrock.BedrockConfig;

/** Advice shared by several failures, worded once. */
final class ErrorMessages {

    private ErrorMessages() {}

    /** How to get a fresh short-term key. */
    static String newShortTermKey(String region) {
        return "Short-term Bedrock API keys expire after at most 12 hours. Generate a new one in the Bedrock console"
                + " (region " + region + "): Discover → API keys → Generate short-term API keys, then export "
                + BedrockConfig.API_KEY_VARIABLE + "=bedrock-api-key-… (the whole new key).";
    }

    /** What to check when a key is refused for another reason than expiry. */
    static String checkKey(BedrockApiKey key, String region) {
        String advice = "Check that " + BedrockConfig.API_KEY_VARIABLE + " holds a complete, current Bedrock API key"
                + " valid in region " + region + ".";
        if (key.isReplayDummy()) {
            advice += " The key is the replay placeholder " + BedrockApiKey.REPLAY_DUMMY_KEY
                    + ", which only works when recorded answers are replayed; set a real key to call Bedrock.";
        }
        return advice;
    }

    /** Bedrock's own words, quoted, or nothing. */
    static String quote(String bedrockMessage) {
        return bedrockMessage == null || bedrockMessage.isBlank() ? "" : " (Bedrock said: \"" + bedrockMessage + "\")";
    }
}
