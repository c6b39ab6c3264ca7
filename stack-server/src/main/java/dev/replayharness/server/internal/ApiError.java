package dev.replayharness.server.internal;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failure answered to the client as an OpenAI-style error body:
 * {@code {"error":{"message":…,"type":…,"param":…,"code":…}}}.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiError(int status, String type, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static ApiError invalidRequest(String param, String message) {
        return new ApiError(400, "invalid_request_error", "invalid_request", param, message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** 405 for a known path, naming the methods it allows (sent in the {@code Allow} header). */
    public static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new Allowed(method + " is not allowed on " + path + "; use " + allowed + ".", allowed);
    }

    /** The {@code Allow} header value, or null. */
    public String allow() {
        return this instanceof Allowed allowed ? allowed.methods : null;
    }

    private static final class Allowed extends ApiError {
        private final String methods;

        Allowed(String message, String methods) {
            super(405, "invalid_request_error", "method_not_allowed", null, message);
            this.methods = methods;
        }
    }

    /** The JSON body. */
    public ObjectNode body() {
        return body(getMessage(), type, param, code);
    }

    public static ObjectNode body(String message, String type, String param, String code) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("error", error);
        return root;
    }
}
