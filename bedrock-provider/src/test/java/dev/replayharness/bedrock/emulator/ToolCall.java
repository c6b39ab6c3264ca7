package dev.replayharness.bedrock.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A function call the emulated model makes.
 *
 * @param id Bedrock-style {@code chatcmpl-tool-<16 hex>}, derived from the request
 * @param name the function's name
 * @param arguments the arguments, a compact JSON text
 */
record ToolCall(String id, String name, String arguments) {

    /** Lengths the arguments are cut into when streamed, in turn: small, uneven, like Bedrock's tokens. */
    private static final int[] PIECES = {4, 4, 5, 3, 2, 2, 4, 3, 1, 6};

    static String id(String requestId, int index) {
        return "chatcmpl-tool-" + sha256(requestId + "#" + index).substring(0, 16);
    }

    /** The arguments cut into the pieces the stream carries; they concatenate to {@link #arguments}. */
    List<String> argumentPieces() {
        List<String> pieces = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < arguments.length(); i++) {
            int end = Math.min(arguments.length(), at + PIECES[i % PIECES.length]);
            if (end < arguments.length() && Character.isHighSurrogate(arguments.charAt(end - 1))) {
                end++; // never split a surrogate pair: each piece must be valid text on its own
            }
            pieces.add(arguments.substring(at, end));
            at = end;
        }
        if (pieces.isEmpty()) {
            pieces.add("");
        }
        return pieces;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
