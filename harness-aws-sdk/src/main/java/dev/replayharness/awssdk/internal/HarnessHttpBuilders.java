package dev.replayharness.awssdk.internal;

import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

import dev.replayharness.awssdk.HarnessAws;
import dev.replayharness.core.HarnessSession;

/**
 * HTTP client builders that build the SDK's default implementation and wrap it in the session. Given to an SDK
 * client builder as {@code httpClientBuilder(…)}, the built client gets the service's HTTP defaults and is
 * closed by the SDK client's {@code close()} (a client passed as {@code httpClient(…)} would not be). The async
 * one speaks HTTP/1.1.
 */
final class HarnessHttpBuilders {
    private HarnessHttpBuilders() {}

    /** Builds the default synchronous HTTP client, wrapped. */
    static final class Sync implements SdkHttpClient.Builder<Sync> {
        private final HarnessSession session;

        Sync(HarnessSession session) {
            this.session = session;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return HarnessAws.wrap(SdkHttpServices.sync().buildWithDefaults(serviceDefaults), session);
        }
    }

    /** Builds the default asynchronous HTTP client, wrapped. */
    static final class Async implements SdkAsyncHttpClient.Builder<Async> {
        private final HarnessSession session;

        Async(HarnessSession session) {
            this.session = session;
        }

        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            // The Bedrock Runtime async client asks for HTTP/2 (prior knowledge on plain HTTP), which a loopback
            // emulator does not speak; Converse, ConverseStream and InvokeModel work over HTTP/1.1 on Bedrock too.
            AttributeMap http1 = serviceDefaults.toBuilder()
                    .put(SdkHttpConfigurationOption.PROTOCOL, Protocol.HTTP1_1)
                    .build();
            return HarnessAws.wrapAsync(SdkHttpServices.async().buildWithDefaults(http1), session);
        }
    }
}
