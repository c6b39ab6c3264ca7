package dev.replayharness.bedrock.emulator;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A choice's {@code logprobs} in Bedrock's shape: {@code {"content":[{"token","bytes","logprob",
 * "top_logprobs"}],"refusal":null}}. Tokens are words and punctuation marks with their leading
 * whitespace, so they concatenate to the text; each log probability is derived from the token and its
 * position, in (-1, 0]. The {@code n} alternatives of {@code top_logprobs} are the token itself and
 * {@code <token>~1} … {@code <token>~(n-1)}, each less likely than the one before.
 */
final class Logprobs {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:\\w+|[^\\w\\s])|\\s+");

    private Logprobs() {}

    static ObjectNode of(String text, int top) {
        ObjectNode logprobs = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode content = logprobs.putArray("content");
        Matcher tokens = TOKEN.matcher(text);
        for (int position = 0; tokens.find(); position++) {
            String token = tokens.group();
            double logprob = -(((token.hashCode() * 31 + position) & 0x7fffffff) % 1000) / 1000.0;
            ObjectNode entry = entry(content.addObject(), token, logprob);
            ArrayNode alternatives = entry.putArray("top_logprobs");
            for (int i = 0; i < top; i++) {
                entry(alternatives.addObject(), i == 0 ? token : token + "~" + i, logprob - i);
            }
        }
        logprobs.putNull("refusal");
        return logprobs;
    }

    private static ObjectNode entry(ObjectNode entry, String token, double logprob) {
        entry.put("token", token);
        ArrayNode bytes = entry.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return entry.put("logprob", logprob);
    }
}
