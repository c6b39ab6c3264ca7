package dev.replayharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.replay.ReplayedResponse;

@DisplayName("A malformed-event fault")
class MalformedEventTest {
    static ReplayedResponse response(String contentType, byte[]... chunks) {
        return new ReplayedResponse(
                Path.of("r.json"),
                200,
                Headers.builder().add("content-type", contentType).build(),
                List.of(chunks),
                Arrays.stream(chunks).map(c -> 0L).toList(),
                Optional.empty());
    }

    static ReplayedResponse malform(ReplayedResponse r, int event) {
        Faults faults = new Faults("T#m", false);
        FaultDeclaration d = faults.add(ExchangeMatcher.any(), new Fault.Malformed(event), "test");
        return FaultInjection.shape(r, List.of(d), faults);
    }

    @Test
    @DisplayName("truncates the n-th AWS event-stream frame to half its bytes, leaving the others whole")
    void truncatesAnEventStreamFrame() {
        byte[] first = {0, 0, 0, 16, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] second = {0, 0, 0, 16, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 9};
        ReplayedResponse shaped = malform(response("application/vnd.amazon.eventstream", first, second), 2);
        assertThat(shaped.chunks().get(0)).isEqualTo(first);
        assertThat(shaped.chunks().get(1)).isEqualTo(Arrays.copyOf(second, 8));
    }

    @Test
    @DisplayName(
            "cuts a server-sent event's data to invalid JSON, keeping its other lines (and [DONE] is no longer [DONE])")
    void breaksServerSentEventJson() {
        ReplayedResponse shaped = malform(
                response(
                        "text/event-stream",
                        "event: delta\ndata: {\"a\":\"bcdefgh\"}\n\n".getBytes(StandardCharsets.UTF_8),
                        "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8)),
                1);
        assertThat(new String(shaped.chunks().get(0), StandardCharsets.UTF_8))
                .isEqualTo("event: delta\ndata: {\"a\":\"b\n\n");
        assertThat(new String(malform(shaped, 2).chunks().get(1), StandardCharsets.UTF_8))
                .isEqualTo("data: [DO\n\n");
    }
}
