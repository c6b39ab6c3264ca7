package dev.replayharness.awssdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.junit.Recorded;

/**
 * A {@code @Recorded} class whose tests take the injected SDK clients, run only by {@link InjectedClientsTest}
 * (a top-level class Surefire would find, so it is disabled unless the run sets {@value #ENABLED}). Each test asks
 * the guide's first question and leaves the answer in {@link #SEEN}.
 */
@Recorded(namespace = "injected")
@Tag("fixture")
@ExtendWith(InjectedClientsFixture.OnlyWhenEnabled.class)
public class InjectedClientsFixture {
    static final String ENABLED = "replayharness.test.run-fixtures";
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @Test
    void sync(BedrockRuntimeClient client) {
        seen(
                "sync",
                client,
                client.converse(
                        r -> r.modelId(HarnessAwsTest.MODEL).messages(HarnessAwsTest.user(HarnessAwsTest.EARTH))));
    }

    @Test
    void async(BedrockRuntimeAsyncClient client) {
        seen(
                "async",
                client,
                client.converse(r ->
                                r.modelId(HarnessAwsTest.MODEL).messages(HarnessAwsTest.user(HarnessAwsTest.EARTH)))
                        .join());
    }

    /** With an injected HTTP client, credentials and region are the test's: dummy ones in replay, the SDK's else. */
    @Test
    void http(SdkHttpClient http, HarnessSession session) {
        var builder = BedrockRuntimeClient.builder().httpClient(http);
        if (session.mode() == Mode.REPLAY) {
            builder.region(Region.US_EAST_1).credentialsProvider(AwsClients.DUMMY);
        }
        try (BedrockRuntimeClient client = builder.build()) {
            seen(
                    "http",
                    http,
                    client.converse(
                            r -> r.modelId(HarnessAwsTest.MODEL).messages(HarnessAwsTest.user(HarnessAwsTest.EARTH))));
        }
    }

    @Test
    void asyncHttp(SdkAsyncHttpClient http, HarnessSession session) {
        var builder = BedrockRuntimeAsyncClient.builder().httpClient(http);
        if (session.mode() == Mode.REPLAY) {
            builder.region(Region.US_EAST_1).credentialsProvider(AwsClients.DUMMY);
        }
        try (BedrockRuntimeAsyncClient client = builder.build()) {
            seen(
                    "asyncHttp",
                    http,
                    client.converse(r ->
                                    r.modelId(HarnessAwsTest.MODEL).messages(HarnessAwsTest.user(HarnessAwsTest.EARTH)))
                            .join());
        }
    }

    private static void seen(String test, Object client, ConverseResponse response) {
        SEEN.put(test, response.output().message().content().get(1).text());
    }

    /** Enables the fixture only when the run sets {@value #ENABLED} to {@code true}. */
    public static final class OnlyWhenEnabled implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED)
                            .filter("true"::equals)
                            .isPresent()
                    ? ConditionEvaluationResult.enabled("run by InjectedClientsTest")
                    : ConditionEvaluationResult.disabled("a fixture, run only by InjectedClientsTest");
        }
    }
}
