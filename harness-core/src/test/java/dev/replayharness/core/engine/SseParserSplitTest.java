package dev.replayharness.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.codec.SseParser;

@DisplayName("SseParser: the same events whatever the line ends and however the bytes are split")
class SseParserSplitTest {
    private static final List<String> PIECES = List.of(
            "data: ",
            "data:",
            "event: delta",
            ": comment",
            "id: 7",
            "retry: 10",
            "{\"a\":1}",
            "x",
            "é€😀",
            ":",
            " ",
            "\n",
            "\r",
            "\r\n",
            "\n\n",
            "\r\n\r\n",
            "\r\r");

    /** The byte-at-a-time parser this one replaced: the reference. */
    private static List<List<SseParser.Field>> reference(byte[] bytes) {
        List<List<SseParser.Field>> blocks = new ArrayList<>();
        List<SseParser.Field> fields = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean lastWasCr = false;
        for (int i = 0; i <= bytes.length; i++) {
            boolean atEnd = i == bytes.length;
            byte b = atEnd ? (byte) '\n' : bytes[i];
            if (!atEnd && b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.isEmpty() || atEnd) {
                    if (!text.isEmpty()) {
                        fields.add(field(text));
                    }
                    if (!fields.isEmpty()) {
                        blocks.add(List.copyOf(fields));
                        fields.clear();
                    }
                    continue;
                }
                fields.add(field(text));
            } else {
                line.write(b);
            }
        }
        return blocks;
    }

    private static SseParser.Field field(String text) {
        int colon = text.indexOf(':');
        String value = colon < 0 ? "" : text.substring(colon + 1);
        return new SseParser.Field(
                colon < 0 ? text : text.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
    }

    @Test
    @DisplayName("random streams fed in random slices parse as the byte-at-a-time reference does (seeded)")
    void sameAsReference() {
        long seed = System.nanoTime();
        System.out.println("SseParserSplitTest seed=" + seed);
        Random random = new Random(seed);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(30); p >= 0; p--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            SseParser parser = new SseParser();
            List<List<SseParser.Field>> blocks = new ArrayList<>();
            for (int at = 0; at < bytes.length; ) {
                int length = Math.min(bytes.length - at, random.nextInt(8));
                parser.feed(bytes, at, length, 0).forEach(b -> blocks.add(b.fields()));
                at += length;
            }
            parser.finish(0).forEach(b -> blocks.add(b.fields()));
            assertThat(blocks)
                    .as(
                            "seed %d, stream %s",
                            seed, text.toString().replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(reference(bytes));
        }
    }
}
