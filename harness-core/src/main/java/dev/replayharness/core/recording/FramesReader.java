package dev.replayharness.core.recording;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a body's {@code frames} (an AWS event stream), naming the field path of anything wrong. */
record FramesReader(BiFunction<String, String, RecordingFormatException> fail) {
    private static final Set<String> MEMBERS = Set.of("headers", "json", "chunk", "text", "base64", "offsetMs");
    private static final String SHAPE =
            "a frame is {\"headers\": {…}} with one of json, chunk (with json for the rest of the payload), text or"
                    + " base64, and optionally offsetMs";

    Body.Frames frames(JsonNode value, String path) {
        if (!value.isArray()) {
            throw fail.apply(path, "must be an array of frames; " + SHAPE);
        }
        List<EventFrame> frames = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            frames.add(frame(value.get(i), path + "[" + i + "]", i + 1));
        }
        return new Body.Frames(frames);
    }

    private EventFrame frame(JsonNode node, String at, int number) {
        if (!(node instanceof ObjectNode object)) {
            throw fail.apply(at, "(frame " + number + ") must be an object; " + SHAPE);
        }
        for (String name : object.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw fail.apply(at, "(frame " + number + ") has the unknown member '" + name + "'; " + SHAPE);
            }
        }
        if (object.has("headers") && !object.get("headers").isObject()) {
            throw fail.apply(at + ".headers", "(frame " + number + ") must be an object of header names to values");
        }
        long payloads = object.propertyStream()
                .filter(e -> e.getKey().equals("chunk")
                        || e.getKey().equals("text")
                        || e.getKey().equals("base64")
                        || (e.getKey().equals("json") && !object.has("chunk")))
                .count();
        if (payloads > 1) {
            throw fail.apply(at, "(frame " + number + ") has more than one payload; " + SHAPE);
        }
        if (object.has("text") && !object.get("text").isString()) {
            throw fail.apply(at + ".text", "(frame " + number + ") must be a string");
        }
        if (object.has("chunk") && object.has("json") && !object.get("json").isObject()) {
            throw fail.apply(at + ".json", "(frame " + number + ") beside a chunk must be an object");
        }
        if (object.has("base64")) {
            JsonNode base64 = object.get("base64");
            try {
                Base64.getDecoder().decode(base64.isString() ? base64.stringValue() : "!");
            } catch (IllegalArgumentException e) {
                throw fail.apply(at + ".base64", "(frame " + number + ") is not valid base64");
            }
        }
        Long offset = null;
        JsonNode offsetNode = object.get("offsetMs");
        if (offsetNode != null && !offsetNode.isNull()) {
            if (!offsetNode.isIntegralNumber() || !offsetNode.canConvertToLong() || offsetNode.longValue() < 0) {
                throw fail.apply(at + ".offsetMs", "must be a whole number of 0 or more, but is " + offsetNode);
            }
            offset = offsetNode.longValue();
        }
        ObjectNode frame = object.deepCopy();
        frame.remove("offsetMs");
        return new EventFrame(frame, offset);
    }
}
