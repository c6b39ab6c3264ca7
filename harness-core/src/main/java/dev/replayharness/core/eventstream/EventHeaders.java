package dev.replayharness.core.eventstream;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.eventstream.HeaderValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frame headers as JSON, in their order: a string header as its string (nearly all of them: {@code :event-type},
 * {@code :message-type}, {@code :content-type}, {@code :exception-type}); any other as {@code {"<type>": value}} with
 * type {@code bool}, {@code byte}, {@code int16}, {@code int32}, {@code int64}, {@code bytes} (base64),
 * {@code timestamp} (epoch milliseconds) or {@code uuid}.
 */
final class EventHeaders {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventHeaders() {}

    static ObjectNode toJson(Map<String, HeaderValue> headers) {
        ObjectNode json = NODES.objectNode();
        headers.forEach((name, value) -> {
            switch (value.getType()) {
                case STRING -> json.put(name, value.getString());
                case TRUE, FALSE -> json.putObject(name).put("bool", value.getBoolean());
                case BYTE -> json.putObject(name).put("byte", value.getByte());
                case SHORT -> json.putObject(name).put("int16", value.getShort());
                case INTEGER -> json.putObject(name).put("int32", value.getInteger());
                case LONG -> json.putObject(name).put("int64", value.getLong());
                case BYTE_ARRAY ->
                    json.putObject(name).put("bytes", Base64.getEncoder().encodeToString(value.getByteArray()));
                case TIMESTAMP ->
                    json.putObject(name).put("timestamp", value.getTimestamp().toEpochMilli());
                case UUID -> json.putObject(name).put("uuid", value.getUuid().toString());
                default ->
                    throw new IllegalArgumentException("header '" + name + "' has an unknown type " + value.getType());
            }
        });
        return json;
    }

    /** @throws IllegalArgumentException naming the header and the fix, for a value of no known type */
    static Map<String, HeaderValue> fromJson(JsonNode json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : json.properties()) {
            headers.put(header.getKey(), value(header.getKey(), header.getValue()));
        }
        return headers;
    }

    private static HeaderValue value(String name, JsonNode value) {
        if (value.isString()) {
            return HeaderValue.fromString(value.asString());
        }
        if (!value.isObject() || value.size() != 1) {
            throw new IllegalArgumentException(
                    "header '" + name + "' is " + value
                            + "; write a string, or an object of one member naming its type (bool, byte, int16, int32, int64, bytes, timestamp, uuid)");
        }
        Map.Entry<String, JsonNode> typed = value.properties().iterator().next();
        HeaderValue decoded;
        try {
            decoded = typed(typed.getKey(), typed.getValue());
        } catch (RuntimeException e) { // bad base64 or uuid, a number where none is: name the header, not the decoder
            throw new IllegalArgumentException("header '" + name + "' is not a valid " + typed.getKey() + " ("
                    + typed.getValue() + ": " + e.getMessage() + "); fix its value");
        }
        if (decoded == null) {
            throw new IllegalArgumentException("header '" + name + "' has the unknown type '" + typed.getKey()
                    + "'; use one of bool, byte, int16, int32, int64, bytes, timestamp, uuid");
        }
        return decoded;
    }

    /** The value of a header of {@code type}; null for a type of no such name. */
    private static HeaderValue typed(String type, JsonNode v) {
        return switch (type) {
            case "bool" -> HeaderValue.fromBoolean(v.asBoolean());
            case "byte" -> HeaderValue.fromByte((byte) v.asInt());
            case "int16" -> HeaderValue.fromShort((short) v.asInt());
            case "int32" -> HeaderValue.fromInteger(v.asInt());
            case "int64" -> HeaderValue.fromLong(v.asLong());
            case "bytes" -> HeaderValue.fromByteArray(Base64.getDecoder().decode(v.asString()));
            case "timestamp" -> HeaderValue.fromTimestamp(Instant.ofEpochMilli(v.asLong()));
            case "uuid" -> HeaderValue.fromUuid(UUID.fromString(v.asString()));
            default -> null;
        };
    }
}
