package dev.replayharness.core.fault;

import java.util.Locale;
import java.util.Map;

import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.json.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * The default body of an injected error status, shaped like the provider's own so that the client's error parsing
 * runs as it would in production: AWS Bedrock's {@code {"message": …}} (with its {@code x-amzn-errortype} header) for
 * a request to Bedrock, an OpenAI-style {@code {"error": {"message", "type", "code"}}} otherwise.
 */
public enum ErrorEnvelope {
    /** {@code {"message": "…"}} and an {@code x-amzn-errortype} header, as Bedrock answers. */
    BEDROCK,
    /** {@code {"error": {"message": "…", "type": "…", "code": …}}}, as OpenAI-compatible servers answer. */
    OPENAI;

    private static final Map<Integer, String[]> BEDROCK_ERRORS = Map.of(
            400,
                    new String[] {
                        "ValidationException", "Malformed input request, please reformat your input and try again."
                    },
            401, new String[] {"UnrecognizedClientException", "The security token included in the request is invalid."},
            403,
                    new String[] {
                        "AccessDeniedException", "You don't have access to the model with the specified model ID."
                    },
            404,
                    new String[] {
                        "ResourceNotFoundException",
                        "Could not resolve the foundation model from the provided model identifier."
                    },
            408,
                    new String[] {
                        "ModelTimeoutException",
                        "Model has timed out in processing the request. Try your request again."
                    },
            429, new String[] {"ThrottlingException", "Too many requests, please wait before trying again."},
            500,
                    new String[] {
                        "InternalServerException",
                        "The server encountered an internal error while processing the request."
                    },
            503, new String[] {"ServiceUnavailableException", "Bedrock is unable to process your request."});

    private static final Map<Integer, String[]> OPENAI_ERRORS = Map.of(
            400, new String[] {"invalid_request_error", "The request is invalid."},
            401, new String[] {"invalid_request_error", "Incorrect API key provided."},
            403, new String[] {"permission_error", "You are not allowed to use this model."},
            404, new String[] {"not_found_error", "The model does not exist or you do not have access to it."},
            408, new String[] {"timeout", "The request timed out."},
            429, new String[] {"rate_limit_exceeded", "Rate limit reached for requests. Please try again later."},
            500, new String[] {"server_error", "The server had an error while processing your request."},
            503, new String[] {"service_unavailable", "The server is overloaded or not ready yet."});

    /** Bedrock for a request to an AWS host or to Bedrock's paths ({@code /openai/v1/…}, {@code /model/…}). */
    public static ErrorEnvelope forRequest(OutgoingRequest request) {
        String host =
                request.uri().getHost() == null ? "" : request.uri().getHost().toLowerCase(Locale.ROOT);
        String path = request.uri().getRawPath() == null ? "" : request.uri().getRawPath();
        return host.endsWith(".amazonaws.com") || path.startsWith("/openai/v1/") || path.startsWith("/model/")
                ? BEDROCK
                : OPENAI;
    }

    /** The body for {@code status}. */
    public String body(int status) {
        String[] known = (this == BEDROCK ? BEDROCK_ERRORS : OPENAI_ERRORS)
                .getOrDefault(
                        status, new String[] {this == BEDROCK ? "ServiceException" : "api_error", "HTTP " + status});
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (this == BEDROCK) {
            root.put("message", known[1]);
        } else {
            root.putObject("error")
                    .put("message", known[1])
                    .put("type", known[0])
                    .put("code", known[0]);
        }
        return Json.MAPPER.writeValueAsString(root);
    }

    /** Bedrock's {@code x-amzn-errortype} value for {@code status}; {@code null} for OpenAI. */
    public String errorType(int status) {
        return this == BEDROCK ? BEDROCK_ERRORS.getOrDefault(status, new String[] {"ServiceException"})[0] : null;
    }
}
