package dev.replayharness.server.internal;

import dev.replayharness.bedrock.BedrockAccessDeniedException;
import dev.replayharness.bedrock.BedrockAuthenticationException;
import dev.replayharness.bedrock.BedrockException;
import dev.replayharness.bedrock.BedrockModelNotFoundException;
import dev.replayharness.bedrock.BedrockRetriesExhaustedException;
import dev.replayharness.bedrock.BedrockServiceException;
import dev.replayharness.bedrock.BedrockUnsupportedOperationException;
import dev.replayharness.bedrock.BedrockValidationException;

/** A provider's failure as the OpenAI-style error the client gets: the same meaning, the provider's message. */
final class ProviderErrors {

    private ProviderErrors() {}

    static ApiError mapped(BedrockException e) {
        String message = e.getMessage();
        int upstream = e.httpStatus().orElse(0);
        if (e instanceof BedrockAuthenticationException) {
            return new ApiError(401, "authentication_error", "invalid_api_key", null, message);
        }
        if (e instanceof BedrockAccessDeniedException) {
            return new ApiError(403, "permission_error", "access_denied", null, message);
        }
        if (e instanceof BedrockModelNotFoundException) {
            return new ApiError(404, "invalid_request_error", "model_not_found", "model", message);
        }
        if (e instanceof BedrockValidationException) {
            return new ApiError(400, "invalid_request_error", "invalid_request", null, message);
        }
        if (e instanceof BedrockUnsupportedOperationException) {
            return new ApiError(400, "invalid_request_error", "unsupported", null, message);
        }
        if (e instanceof BedrockRetriesExhaustedException) {
            return upstream == 429
                    ? new ApiError(429, "rate_limit_error", "rate_limited", null, message)
                    : new ApiError(503, "api_error", "upstream_unavailable", null, message);
        }
        if (e instanceof BedrockServiceException) {
            return new ApiError(
                    upstream >= 400 && upstream < 500 ? upstream : 502, "api_error", "upstream_error", null, message);
        }
        return new ApiError(
                502, "api_connection_error", "upstream_unreachable", null, message); // BedrockTransportException
    }
}
