package dev.replayharness.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SseReader parses text/event-stream as the spec says")
class SseReaderTest {

    @Test
    @DisplayName("a blank line dispatches the data lines before it")
    void dataLines() throws IOException {
        assertThat(read("data: a\n\ndata: b\n\n")).containsExactly(event("a"), event("b"));
    }

    @Test
    @DisplayName("several data lines join with a newline; one space after the colon is dropped, no more")
    void multiLine() throws IOException {
        assertThat(read("data: one\ndata:two\ndata:  three\n\n")).containsExactly(event("one\ntwo\n three"));
    }

    @Test
    @DisplayName("comments are ignored and event/id fields are kept")
    void commentsAndFields() throws IOException {
        assertThat(read(": keep-alive\nevent: error\nid: 7\ndata: {}\n\n"))
                .containsExactly(new SseEvent("error", "{}", "7"));
    }

    @Test
    @DisplayName("CRLF and lone CR end lines too")
    void lineEndings() throws IOException {
        assertThat(read("data: a\r\n\r\ndata: b\r\rdata: c\n\n")).containsExactly(event("a"), event("b"), event("c"));
    }

    @Test
    @DisplayName("a leading byte order mark is skipped")
    void bom() throws IOException {
        assertThat(read("\uFEFFdata: a\n\n")).containsExactly(event("a"));
    }

    @Test
    @DisplayName("an event without data lines is not dispatched and its type does not leak into the next")
    void noData() throws IOException {
        assertThat(read("event: ping\n\ndata: a\n\n")).containsExactly(event("a"));
    }

    @Test
    @DisplayName("an empty data line dispatches an empty event")
    void emptyData() throws IOException {
        assertThat(read("data:\n\n")).containsExactly(event(""));
    }

    @Test
    @DisplayName("an event not ended by a blank line at end of input is discarded")
    void unterminated() throws IOException {
        assertThat(read("data: a\n\ndata: partial")).containsExactly(event("a"));
    }

    @Test
    @DisplayName("a field name without colon has an empty value; unknown fields and retry are ignored")
    void oddFields() throws IOException {
        assertThat(read("data\nretry: 10\nfoo: bar\n\n")).containsExactly(event(""));
    }

    private static SseEvent event(String data) {
        return new SseEvent("message", data, null);
    }

    private static List<SseEvent> read(String text) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        try (SseReader reader = new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
                events.add(event.get());
            }
        }
        return events;
    }
}
