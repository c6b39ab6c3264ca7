package dev.replayharness.awssdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.apache.ApacheSdkHttpService;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * HTTP client implementations (Apache and Netty underneath) that count how many were built and closed, named with
 * the SDK's system properties {@code software.amazon.awssdk.http.service.impl} and
 * {@code software.amazon.awssdk.http.async.service.impl}: a closed Netty client does not fail a call, it never
 * answers, so closing is observed here instead.
 */
final class TrackedHttpServices {
    static final AtomicInteger BUILT = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    private TrackedHttpServices() {}

    /** Apache, counted. */
    public static final class Sync implements SdkHttpService {
        @Override
        public SdkHttpClient.Builder<?> createHttpClientBuilder() {
            return new SyncBuilder();
        }
    }

    /** Netty, counted. */
    public static final class Async implements SdkAsyncHttpService {
        @Override
        public SdkAsyncHttpClient.Builder<?> createAsyncHttpClientFactory() {
            return new AsyncBuilder();
        }
    }

    static final class SyncBuilder implements SdkHttpClient.Builder<SyncBuilder> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap defaults) {
            SdkHttpClient delegate =
                    new ApacheSdkHttpService().createHttpClientBuilder().buildWithDefaults(defaults);
            BUILT.incrementAndGet();
            return new SdkHttpClient() {
                @Override
                public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                    return delegate.prepareRequest(request);
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                    delegate.close();
                }
            };
        }
    }

    static final class AsyncBuilder implements SdkAsyncHttpClient.Builder<AsyncBuilder> {
        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap defaults) {
            SdkAsyncHttpClient delegate = new NettySdkAsyncHttpService()
                    .createAsyncHttpClientFactory()
                    .buildWithDefaults(defaults);
            BUILT.incrementAndGet();
            return new SdkAsyncHttpClient() {
                @Override
                public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                    return delegate.execute(request);
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                    delegate.close();
                }
            };
        }
    }
}
