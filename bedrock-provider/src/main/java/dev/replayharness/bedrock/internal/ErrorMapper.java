package dev.replayharness.bedrock.internal;

import java.time.Duration;
import java.util.Locale;

import dev.replayharness.bedrock.BedrockAccessDeniedException;
import dev.replayharness.bedrock.BedrockAuthenticationException;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.BedrockException;
import dev.replayharness.bedrock.BedrockModelNotFoundException;
import dev.replayharness.bedrock.BedrockRetriesExhaustedException;
import dev.replayharness.bedrock.BedrockServiceException;
import dev.replayharness.bedrock.BedrockTransportException;
import dev.replayharness.bedrock.BedrockValidationException;
import dev.replayharness.openai.OpenAiHttpException;
import dev.replayharness.openai.OpenAiProtocolException;
import dev.replayharness.openai.OpenAiTransportException;

/** Turns the wire client's failures into Bedrock's, with advice that fits Bedrock. */
public final class ErrorMapper {

    private final BedrockConfig config;

    public ErrorMapper(BedrockConfig config) {
        this.config = config;
    }

    /** True for statuses Bedrock uses for transient trouble: timeout, throttling, server errors. */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** A non-2xx answer to a request for {@code model}; a null model means the model list ({@code GET /models}). */
    public BedrockException map(OpenAiHttpException e, String model) {
        if (model == null) {
            return mapModelList(e);
        }
        int status = e.status();
        String requestId = e.requestId().orElse(null);
        String said =
                ErrorMessages.quote(e.errorMessage().orElse(null), e.errorCode().orElse(null));
        String region = config.region();
        return switch (status) {
            case 401 ->
                isExpiry(e)
                        ? new BedrockAuthenticationException(
                                "Bedrock refused the API key: it has expired" + said + ". "
                                        + ErrorMessages.newShortTermKey(region),
                                true,
                                status,
                                requestId,
                                e)
                        : new BedrockAuthenticationException(
                                "Bedrock refused the API key" + said + ". "
                                        + ErrorMessages.checkKey(config.apiKey(), region),
                                false,
                                status,
                                requestId,
                                e);
            case 403 ->
                new BedrockAccessDeniedException(
                        "Bedrock denied access to model " + model + " in " + region + said
                                + ". Likely causes: this account has not been granted access to the model (Bedrock console →"
                                + " Model access, in " + region + "), " + region + " does not offer it"
                                + (BedrockConfig.DEFAULT_REGION.equals(region)
                                        ? ""
                                        : " (gpt-oss is served in us-west-2)")
                                + ", or the key's permissions do not allow invoking it.",
                        status,
                        requestId,
                        e);
            case 404 ->
                new BedrockModelNotFoundException(
                        "Bedrock has no model " + model + " in region " + region + said
                                + ". Check provider_resource_id in the stack configuration and that " + region
                                + " offers the model (openai.gpt-oss-20b-1:0 is served in us-west-2).",
                        status,
                        requestId,
                        e);
            case 400, 422 ->
                new BedrockValidationException(
                        "Bedrock refused the request for " + model + " as invalid" + said + ". "
                                + ErrorMessages.validationAdvice(
                                        e.errorMessage().orElse("")),
                        status,
                        requestId,
                        e);
            default ->
                new BedrockServiceException(
                        "Bedrock answered HTTP " + status + " for " + model + said + ".", status, requestId, e);
        };
    }

    private BedrockException mapModelList(OpenAiHttpException e) {
        int status = e.status();
        String said =
                ErrorMessages.quote(e.errorMessage().orElse(null), e.errorCode().orElse(null));
        String requestId = e.requestId().orElse(null);
        return switch (status) {
            case 401 ->
                // as for a chat call: an expired key is told to get a new one, not to check the one it has
                isExpiry(e)
                        ? new BedrockAuthenticationException(
                                "Bedrock refused the API key when listing models: it has expired" + said + ". "
                                        + ErrorMessages.newShortTermKey(config.region()),
                                true,
                                status,
                                requestId,
                                e)
                        : new BedrockAuthenticationException(
                                "Bedrock refused the API key when listing models" + said + ". "
                                        + ErrorMessages.checkKey(config.apiKey(), config.region()),
                                false,
                                status,
                                requestId,
                                e);
            case 403 ->
                new BedrockAccessDeniedException(
                        "Bedrock denied listing the models in " + config.region() + said
                                + ". Check that the key's permissions allow it.",
                        status,
                        requestId,
                        e);
            default ->
                new BedrockServiceException(
                        "Bedrock answered HTTP " + status + " to GET /models in " + config.region() + said + ".",
                        status,
                        requestId,
                        e);
        };
    }

    /** Transient failures went on until the retry policy said stop. */
    public BedrockRetriesExhaustedException exhausted(
            OpenAiHttpException last, String model, int attempts, Duration elapsed, String reason) {
        String advice = last.status() == 429
                ? "Bedrock is throttling this account for " + model + " in " + config.region() + ": send fewer"
                        + " requests at once, ask for a higher quota, or allow more attempts or time in RetryPolicy."
                : "Bedrock is having transient trouble; try again later, or allow more attempts or time in RetryPolicy.";
        return new BedrockRetriesExhaustedException(
                "Bedrock kept failing for "
                        + (model == null ? "the model list" : model) + ": " + attempts
                        + (attempts == 1 ? " attempt" : " attempts") + " in " + seconds(elapsed)
                        + ", the last answered HTTP "
                        + last.status()
                        + ErrorMessages.quote(last.errorMessage().orElse(null)) + "; gave up because " + reason
                        + ". " + advice,
                attempts,
                last.status(),
                last.requestId().orElse(null),
                last);
    }

    /** A duration as seconds with one decimal, for messages. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** No answer at all. */
    public BedrockTransportException map(OpenAiTransportException e) {
        String message = e.isTimeout()
                ? "No answer from Bedrock at " + config.baseUri() + " within the request timeout of "
                        + seconds(config.requestTimeout()) + ". Raise BedrockConfig.requestTimeout for long"
                        + " generations, or try again later."
                : "Could not get an answer from Bedrock at " + config.baseUri() + ": " + e.getMessage()
                        + ". Check network access to the endpoint and the base URI.";
        return new BedrockTransportException(message, e.isTimeout(), e);
    }

    /** A 2xx answer that is not a chat completion. */
    public BedrockServiceException map(OpenAiProtocolException e) {
        return new BedrockServiceException(
                "Bedrock's answer could not be read as a chat completion: " + e.getMessage(), null, null, e);
    }

    private static boolean isExpiry(OpenAiHttpException e) {
        String text = e.errorMessage().orElse(e.errorBody()).toLowerCase(Locale.ROOT);
        return text.contains("expired");
    }
}
