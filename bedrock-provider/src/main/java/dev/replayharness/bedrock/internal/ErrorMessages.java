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
        return quote(bedrockMessage, null);
    }

    /** Bedrock's own words and its error code, quoted, or nothing. */
    static String quote(String bedrockMessage, String code) {
        if (bedrockMessage == null || bedrockMessage.isBlank()) {
            return code == null ? "" : " (Bedrock's error code: " + code + ")";
        }
        return " (Bedrock said: \"" + bedrockMessage + "\"" + (code == null ? "" : ", code " + code) + ")";
    }

    /** What to do about a 400: for image parts sent to a text-only model, say so; else fix what Bedrock names. */
    static String validationAdvice(String bedrockMessage) {
        if (bedrockMessage.toLowerCase(java.util.Locale.ROOT).contains("image")) {
            return "The model takes text only (gpt-oss does): send the content as text parts or a string, without"
                    + " image_url parts, or name a model that accepts images.";
        }
        return "Fix or remove the parameter or message part it names.";
    }
}
