package dev.replayharness.bedrock.nativeapi.emulator;

/**
 * A failure the native emulator gives instead of its normal answer: Bedrock's error shapes, either as the HTTP
 * answer ({@code x-amzn-ErrorType} header and {@code {"message": …}} body) or, for a stream, as an exception frame
 * ({@code :message-type: exception}, {@code :exception-type} the union member) after {@code framesBefore} event
 * frames.
 *
 * @param kind which error
 * @param framesBefore for {@link #midStream}: the event frames sent before the exception frame; -1 for an HTTP error
 */
public record NativeFault(Kind kind, int framesBefore) {

    /** The errors the emulator knows, with the status, error type and message Bedrock sends. */
    public enum Kind {
        /** 400: the request is ill-formed (as for an unknown field or an empty conversation). */
        VALIDATION(
                400,
                "ValidationException",
                "com.amazon.bedrock",
                "The model returned the following errors: Malformed input request, please reformat your input and try again."),
        /** 429: too many requests (the SDK retries this one unless told not to). */
        THROTTLING(
                429,
                "ThrottlingException",
                "com.amazon.bedrock",
                "Too many requests, please wait before trying again."),
        /** 403: the identity may not call the model. */
        ACCESS_DENIED(
                403,
                "AccessDeniedException",
                "com.amazon.bedrock",
                "You don't have access to the model with the specified model ID."),
        /** 404: the model does not resolve. */
        NOT_FOUND(
                404,
                "ResourceNotFoundException",
                "com.amazon.bedrock",
                "Could not resolve the foundation model from the provided model identifier."),
        /** 403: the session token has expired (not a modeled Bedrock exception: the SDK's generic one). */
        EXPIRED_TOKEN(
                403,
                "ExpiredTokenException",
                "com.amazon.coral.service",
                "The security token included in the request is expired"),
        /** In a stream only: the model failed while generating. */
        MODEL_STREAM_ERROR(
                424,
                "ModelStreamErrorException",
                "com.amazon.bedrock",
                "The model stream was interrupted. Try your request again.");

        private final int status;
        private final String type;
        private final String namespace;
        private final String message;

        Kind(int status, String type, String namespace, String message) {
            this.status = status;
            this.type = type;
            this.namespace = namespace;
            this.message = message;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }

        /** The exception's shape name, e.g. {@code ThrottlingException}. */
        public String type() {
            return type;
        }

        /** The {@code x-amzn-ErrorType} header: the type, a colon and the service's namespace URL. */
        public String errorTypeHeader() {
            return type + ":http://internal.amazon.com/coral/" + namespace + "/";
        }

        /** The {@code :exception-type} of the in-stream frame: the union member, the type in lower camel case. */
        public String streamMember() {
            return Character.toLowerCase(type.charAt(0)) + type.substring(1);
        }

        /** The message Bedrock sends. */
        public String message() {
            return message;
        }
    }

    /** This error as the HTTP answer, before any stream starts. */
    public static NativeFault http(Kind kind) {
        return new NativeFault(kind, -1);
    }

    /** This error as an exception frame after {@code framesBefore} event frames of a stream. */
    public static NativeFault midStream(Kind kind, int framesBefore) {
        if (framesBefore < 0) {
            throw new IllegalArgumentException("framesBefore must be 0 or more, was " + framesBefore);
        }
        return new NativeFault(kind, framesBefore);
    }

    /** True if this fault is an exception frame inside a stream. */
    public boolean inStream() {
        return framesBefore >= 0;
    }

    /** The JSON body (of the HTTP error or of the exception frame). */
    String body() {
        return NativeJson.MAPPER
                .createObjectNode()
                .put("message", kind.message())
                .toString();
    }
}
