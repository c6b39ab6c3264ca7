package dev.replayharness.core.recording;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A recorded message body: JSON, text, bytes, a stream of server-sent events, or the frames of an AWS event stream.
 */
public sealed interface Body permits Body.Json, Body.Text, Body.Binary, Body.EventStream, Body.Frames {

    /** A JSON body, stored as JSON in the file. */
    record Json(JsonNode value) implements Body {}

    /** A UTF-8 text body that is not JSON. */
    record Text(String text) implements Body {}

    /** Any other body, stored as base64. */
    record Binary(byte[] bytes) implements Body {
        @Override
        public boolean equals(Object o) {
            return o instanceof Binary other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[" + bytes.length + " bytes]";
        }
    }

    /** A {@code text/event-stream} body: its events in order. */
    record EventStream(List<SseEvent> events) implements Body {
        public EventStream {
            events = List.copyOf(events);
        }
    }

    /** An {@code application/vnd.amazon.eventstream} body: its frames in order, readable. */
    record Frames(List<EventFrame> frames) implements Body {
        public Frames {
            frames = List.copyOf(frames);
        }
    }
}
