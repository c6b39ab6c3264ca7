package dev.replayharness.awssdk;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;
import software.amazon.awssdk.identity.spi.TokenIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;

/** SDK clients for the tests: canary credentials when recording, dummy ones when replaying, no retries. */
final class AwsClients {
    // Canaries: shaped like real AWS credentials, so a leak would be a real one's leak. None is real; each is
    // joined from two parts so that no credential-shaped literal is committed.
    static final String ACCESS_KEY_ID = "ASIA" + "Q7CANARY4HARNESS";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYCANARYSECRET";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2Vj" + "EHarnessCanarySessionToken0123456789abcdefSESSION";
    /** A Bedrock API key's shape (ABSK + base64), made here so no credential-shaped literal sits in the repository. */
    static final String BEARER_KEY = "ABSK"
            + java.util.Base64.getEncoder()
                    .encodeToString("BedrockHarnessCanaryApiKey0123456789abcdef"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    static final AwsCredentialsProvider CANARY =
            StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN));
    static final AwsCredentialsProvider DUMMY = StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("dummy", "dummy"));

    private AwsClients() {}

    static BedrockRuntimeClient sync(URI endpoint, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static BedrockRuntimeAsyncClient async(URI endpoint, SdkAsyncHttpClient http, AwsCredentialsProvider credentials) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A client that authenticates with a Bedrock API key (bearer), as AWS_BEARER_TOKEN_BEDROCK makes the SDK do. */
    static BedrockRuntimeClient bearer(URI endpoint, SdkHttpClient http, String key) {
        IdentityProvider<TokenIdentity> token = new IdentityProvider<>() {
            @Override
            public Class<TokenIdentity> identityType() {
                return TokenIdentity.class;
            }

            @Override
            public CompletableFuture<TokenIdentity> resolveIdentity(ResolveIdentityRequest request) {
                return CompletableFuture.completedFuture(TokenIdentity.create(key));
            }
        };
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .tokenProvider(token)
                .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("httpBearerAuth")))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
