package dev.replayharness.core.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.erdtman.jcs.NumberToJSON;

import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: object members sorted by UTF-16 code
 * units, no whitespace, strings escaped as ECMAScript's JSON.stringify does, every number
 * serialized as the IEEE-754 double it denotes in ECMAScript Number.toString form (so 0.7, 0.70
 * and 7e-1 are all {@code 0.7}).
 *
 * <p>The form is written as UTF-8 straight into an {@link JcsOutput}, which feeds a digest a buffer at a
 * time: keying a 10 MB body never builds a 10 MB string, nor encodes one.
 */
public final class Jcs {
    static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Integers up to 2^53 are exact doubles, so their ECMAScript form is their decimal digits. */
    private static final long MAX_EXACT = 1L << 53;

    private Jcs() {}

    /** Thrown for values JCS cannot represent: lone surrogates, non-finite numbers. */
    public static final class NotCanonicalizableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCanonicalizableException(String message) {
            super(message);
        }
    }

    /** The canonical form as a string. */
    public static String canonicalize(JsonNode node) {
        JcsOutput out = JcsOutput.collecting();
        write(node, out);
        return out.text();
    }

    /** Writes the canonical form of {@code node} to {@code out}. */
    public static void write(JsonNode node, JcsOutput out) {
        if (node.isObject()) {
            writeObject(node, out);
        } else if (node.isArray()) {
            out.ascii('[');
            int size = node.size();
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                write(node.get(i), out);
            }
            out.ascii(']');
        } else if (node.isString()) {
            writeString(node.stringValue(), out);
        } else if (node.isNumber()) {
            writeNumber(node, out);
        } else if (node.isBoolean()) {
            out.ascii(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.ascii("null");
        } else {
            throw new NotCanonicalizableException("not a JSON value: " + node.getNodeType());
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeObject(JsonNode node, JcsOutput out) {
        Map.Entry<String, JsonNode>[] members = new Map.Entry[node.size()];
        int count = 0;
        for (Map.Entry<String, JsonNode> member : node.properties()) { // cheaper than Set.toArray's generic copy
            members[count++] = member;
        }
        if (!sorted(members)) {
            Arrays.sort(
                    members,
                    Map.Entry.comparingByKey()); // String.compareTo orders by UTF-16 code units, as JCS requires
        }
        out.ascii('{');
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            writeString(members[i].getKey(), out);
            out.ascii(':');
            write(members[i].getValue(), out);
        }
        out.ascii('}');
    }

    private static boolean sorted(Map.Entry<String, JsonNode>[] members) {
        for (int i = 1; i < members.length; i++) {
            if (members[i - 1].getKey().compareTo(members[i].getKey()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes a JSON string as JSON.stringify escapes it, encoded as UTF-8. */
    public static void writeString(String s, JcsOutput out) {
        out.string(s);
    }

    private static void writeNumber(JsonNode node, JcsOutput out) {
        // BigDecimal/BigInteger.doubleValue give ±Infinity beyond double range, which number() refuses;
        // Jackson's JsonNode.doubleValue() would throw its own exception instead.
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            if (!writeShortDecimal(value, out)) {
                out.ascii(number(value.doubleValue()));
            }
            return;
        }
        if (node.isBigInteger()
                ? node.bigIntegerValue().bitLength() <= 53
                : node.isInt() || node.isLong() || node.isShort()) {
            long value = node.longValue();
            if (value >= -MAX_EXACT && value <= MAX_EXACT) {
                out.ascii(Long.toString(value)); // an exact double: its ECMAScript form is its digits
                return;
            }
        }
        out.ascii(number(node.isBigInteger() ? node.bigIntegerValue().doubleValue() : node.doubleValue()));
    }

    /**
     * Writes the ECMAScript form of a decimal that needs no binary round trip, or returns false. A
     * decimal of at most 15 significant digits (DBL_DIG) is the only decimal that short to round to its
     * nearest double, so that double's shortest form is the decimal's own digits; between 1e-6 and 1e21
     * ECMAScript writes them without an exponent. Everything else goes through {@link #number(double)}.
     */
    static boolean writeShortDecimal(BigDecimal value, JcsOutput out) {
        if (value.signum() == 0) {
            out.ascii('0'); // -0 too, as ECMAScript writes it
            return true;
        }
        if (value.precision() > 18) {
            return false; // not a long; rare enough to leave to the general path
        }
        long unscaled = Math.abs(value.unscaledValue().longValue());
        int scale = value.scale();
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        String digits = Long.toString(unscaled);
        int k = digits.length();
        int n = k - scale; // the value is 0.digits × 10^n
        if (k > 15 || n > 21 || n <= -6) {
            return false;
        }
        if (value.signum() < 0) {
            out.ascii('-');
        }
        if (n >= k) {
            out.ascii(digits);
            zeros(n - k, out);
        } else if (n > 0) {
            out.ascii(digits, 0, n);
            out.ascii('.');
            out.ascii(digits, n, k);
        } else {
            out.ascii("0.");
            zeros(-n, out);
            out.ascii(digits);
        }
        return true;
    }

    private static void zeros(int count, JcsOutput out) {
        for (int i = 0; i < count; i++) {
            out.ascii('0');
        }
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new NotCanonicalizableException("number out of IEEE-754 double range");
        }
        try {
            return NumberToJSON.serializeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
