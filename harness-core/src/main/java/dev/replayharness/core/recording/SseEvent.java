package dev.replayharness.core.recording;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One server-sent event as recorded.
 *
 * @param comment comment text ({@code ": …"} lines joined by LF), or {@code null}
 * @param event the {@code event:} field, or {@code null}
 * @param id the {@code id:} field, or {@code null}
 * @param retry the {@code retry:} field, or {@code null}
 * @param data the {@code data:} field: a JSON object or array when the data was one, otherwise a
 *     JSON string holding the raw text (e.g. {@code [DONE]}); {@code null} when the event had no data
 * @param offsetMs milliseconds from the start of the response to this event, or {@code null} when
 *     timing was not recorded
 */
public record SseEvent(String comment, String event, String id, Long retry, JsonNode data, Long offsetMs) {

    /** The data as the text that went over the wire (JSON data in compact form). */
    public Optional<String> dataText() {
        if (data == null) {
            return Optional.empty();
        }
        return Optional.of(
                data.isString()
                        ? data.stringValue()
                        : dev.replayharness.core.json.Json.MAPPER.writeValueAsString(data));
    }
}
