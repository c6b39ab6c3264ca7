package dev.replayharness.core.recording;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One frame of a recorded AWS event stream ({@code application/vnd.amazon.eventstream}), in the shape
 * {@code core.eventstream.EventStreamCodec} reads and writes: {@code headers} (a string header as its string, any
 * other as {@code {"<type>": value}}) and at most one payload: {@code json} (the payload as JSON), {@code chunk} (an
 * InvokeModel chunk's {@code bytes} unwrapped to the model's JSON, with {@code json} holding the rest of the
 * payload), {@code text} (UTF-8) or {@code base64}; none for an empty payload.
 *
 * @param frame the headers and payload members, without {@code offsetMs}
 * @param offsetMs milliseconds from the start of the response to the end of this frame, or {@code null} when timing
 *     was not recorded
 */
public record EventFrame(ObjectNode frame, Long offsetMs) {

    /** The string header {@code name} (e.g. {@code :event-type}), or {@code ""} when absent or not a string. */
    public String header(String name) {
        JsonNode value = frame.path("headers").path(name);
        return value.isString() ? value.stringValue() : "";
    }

    /** Whether this is an exception frame ({@code :message-type: exception} or {@code error}). */
    public boolean exception() {
        String type = header(":message-type");
        return type.equals("exception") || type.equals("error");
    }
}
