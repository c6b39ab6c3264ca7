package dev.replayharness.awssdk.internal;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeBaseClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;

/**
 * The Bedrock Runtime clients {@code @Recorded} tests are given. Their HTTP is the SDK's default implementation
 * wrapped in the session. In replay they need no AWS account: region {@code us-east-1} (the key holds no host),
 * dummy static credentials, and a dummy token (so an {@code AWS_BEARER_TOKEN_BEDROCK} in the environment is not
 * read). In record and live mode everything else is the SDK's own default, as in production: the default
 * credentials and region chains ({@code aws.region}, {@code AWS_REGION}, profiles…), a Bedrock API key from
 * {@code AWS_BEARER_TOKEN_BEDROCK}, an endpoint from {@code aws.endpointUrlBedrockRuntime} /
 * {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} (e.g. an emulator), and the SDK's retry policy.
 */
final class BedrockClients {
    static final Region REPLAY_REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));
    private static final StaticTokenProvider DUMMY_TOKEN = StaticTokenProvider.create(() -> "dummy");

    private BedrockClients() {}

    static BedrockRuntimeClient sync(HarnessSession session) {
        return configure(BedrockRuntimeClient.builder(), session)
                .httpClientBuilder(new HarnessHttpBuilders.Sync(session))
                .build();
    }

    static BedrockRuntimeAsyncClient async(HarnessSession session) {
        return configure(BedrockRuntimeAsyncClient.builder(), session)
                .httpClientBuilder(new HarnessHttpBuilders.Async(session))
                .build();
    }

    private static <B extends BedrockRuntimeBaseClientBuilder<B, ?>> B configure(B builder, HarnessSession session) {
        if (session.mode() == Mode.REPLAY) {
            builder.region(REPLAY_REGION).credentialsProvider(DUMMY_CREDENTIALS).tokenProvider(DUMMY_TOKEN);
        }
        return builder;
    }
}
