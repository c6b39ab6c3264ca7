package dev.replayharness.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canary credentials (random, shapeless: only an exact-value redaction can catch them) and the places they
 * must never reach. The seed is printed with every failure; {@code -Dleaks.seed=N} replays a run.
 */
/** Canary credentials and the checks that none of them reached a file, a message or a log (shared by the leak tests of every module through harness-core's test-jar). */
public final class Canaries {
    public static final long SEED = Long.getLong("leaks.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Canaries() {}

    /** A fresh canary: a prefix and 24 random hex digits, matching no credential pattern. */
    public static synchronized String next(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public static void assertAbsent(String where, String text, List<String> canaries) {
        for (String canary : canaries) {
            assertThat(text == null ? "" : text)
                    .as("%s (seed %d, -Dleaks.seed=%d)", where, SEED, SEED)
                    .doesNotContain(canary);
        }
    }

    public static void assertAbsent(String where, byte[] bytes, List<String> canaries) {
        assertAbsent(where, new String(bytes, StandardCharsets.ISO_8859_1), canaries); // bytes as bytes: ASCII canaries
        assertAbsent(where + " (decoded)", decodedIfEncoded(bytes), canaries);
    }

    /**
     * Every file below {@code root}: its bytes, and every {@code base64} member of a recording decoded (and,
     * when it is gzip or zlib data, decompressed), so that no encoding can hide a canary.
     */
    public static int assertNoFileHolds(Path root, List<String> canaries) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertAbsent("file " + file, bytes, canaries);
            if (file.toString().endsWith(".json")) {
                for (byte[] decoded : base64Members(JSON.readTree(bytes))) {
                    assertAbsent("base64 in " + file, decoded, canaries);
                }
            }
        }
        return files.size();
    }

    private static List<byte[]> base64Members(JsonNode node) {
        List<byte[]> out = new ArrayList<>();
        node.forEachEntry((name, value) -> {
            if (name.equals("base64") && value.isString()) {
                out.add(Base64.getDecoder().decode(value.stringValue()));
            }
        });
        for (JsonNode child : node) {
            out.addAll(base64Members(child));
        }
        return out;
    }

    /** The bytes decompressed when they are gzip or zlib data, else as they are; read as ISO-8859-1. */
    public static String decodedIfEncoded(byte[] bytes) {
        for (boolean gzip : new boolean[] {true, false}) {
            try (InputStream in = gzip
                    ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                    : new InflaterInputStream(new ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException notEncoded) {
                // try the next, else the bytes are what they are
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Everything the harness logs (loggers under {@code dev.replayharness}, through java.util.logging, where
     * System.Logger goes) while it is open. A client's own wire logging of the request it was given is not the
     * harness's to redact.
     */
    public static final class CapturedLog extends Handler implements AutoCloseable {
        private final Logger root = Logger.getLogger("dev.replayharness");
        private final Level previous = root.getLevel();
        final List<String> lines = new CopyOnWriteArrayList<>();

        public CapturedLog() {
            setLevel(Level.ALL);
            root.setLevel(Level.ALL);
            root.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                line.append(' ').append(record.getThrown());
            }
            lines.add(line.toString());
        }

        public String text() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            root.removeHandler(this);
            root.setLevel(previous);
        }
    }
}
