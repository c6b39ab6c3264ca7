package dev.replayharness.core.json;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/** I-JSON (RFC 7493) as far as JCS cares: what {@link Jcs} can canonicalize, checked without writing. */
public final class IJson {
    private IJson() {}

    /**
     * Whether {@link Jcs#write} can write {@code node}: no number beyond double range and, when
     * {@code checkStrings}, no lone UTF-16 surrogate in a string or member name (a caller that knows the
     * text had no escape knows there is none). One walk of the tree, no output.
     */
    public static boolean canonicalizable(JsonNode node, boolean checkStrings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (checkStrings && hasLoneSurrogate(member.getKey())
                        || !canonicalizable(member.getValue(), checkStrings)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (!canonicalizable(node.get(i), checkStrings)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isString()) {
            return !checkStrings || !hasLoneSurrogate(node.stringValue());
        }
        if (node.isNumber()) {
            if (node.isBigDecimal()) {
                return Double.isFinite(node.decimalValue().doubleValue());
            }
            if (node.isBigInteger()) {
                return Double.isFinite(node.bigIntegerValue().doubleValue());
            }
            return !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue());
        }
        return node.isBoolean() || node.isNull();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
