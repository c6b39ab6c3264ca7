package dev.replayharness.anthropicsdk.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The parts of a Messages API request the emulator answers from, checked as the API checks them. */
record MessagesRequest(String model, String system, List<String> userTurns, boolean stream) {

    /** A request the API refuses: its status and error type. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;

        Invalid(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        int status() {
            return status;
        }

        String type() {
            return type;
        }
    }

    static MessagesRequest parse(byte[] body) throws Invalid {
        JsonNode json;
        try {
            json = MessagesResponses.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid(400, "invalid_request_error", "The request body is not valid JSON.");
        }
        for (String required : List.of("model", "max_tokens", "messages")) {
            if (!json.has(required)) {
                throw new Invalid(400, "invalid_request_error", required + ": Field required");
            }
        }
        String model = json.path("model").asString("");
        if (!MessagesEmulator.MODELS.contains(model)) {
            throw new Invalid(404, "not_found_error", "model: " + model);
        }
        if (!json.path("messages").isArray() || json.path("messages").isEmpty()) {
            throw new Invalid(400, "invalid_request_error", "messages: at least one message is required");
        }
        List<String> users = new ArrayList<>();
        for (JsonNode message : json.path("messages")) {
            if ("user".equals(message.path("role").asString(""))) {
                users.add(text(message.path("content")));
            }
        }
        return new MessagesRequest(
                model, text(json.path("system")), users, json.path("stream").asBoolean(false));
    }

    /** A string, or the joined text of an array of {@code {"type":"text","text":…}} blocks. */
    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asString(""))) {
                text.append(block.path("text").asString(""));
            }
        }
        return text.toString();
    }
}
