package dev.replayharness.awssdk.internal;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;

/**
 * The HTTP client implementation the SDK itself would pick when a client builder is given none, found the way
 * the SDK 2.57 finds it (only its public SPI is used here): the class named by the system property
 * {@value #SYNC_PROPERTY} (async: {@value #ASYNC_PROPERTY}) when set, else the implementation on the classpath
 * with the SDK's priority (sync: Apache 5, Apache, URLConnection, CRT; async: Netty, CRT).
 */
final class SdkHttpServices {
    static final String SYNC_PROPERTY = "software.amazon.awssdk.http.service.impl";
    static final String ASYNC_PROPERTY = "software.amazon.awssdk.http.async.service.impl";
    private static final List<String> SYNC_PRIORITY = List.of(
            "software.amazon.awssdk.http.apache5.Apache5SdkHttpService",
            "software.amazon.awssdk.http.apache.ApacheSdkHttpService",
            "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService",
            "software.amazon.awssdk.http.crt.AwsCrtSdkHttpService");
    private static final List<String> ASYNC_PRIORITY = List.of(
            "software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService",
            "software.amazon.awssdk.http.crt.AwsCrtSdkHttpService");

    private SdkHttpServices() {}

    /** A builder of the default synchronous HTTP client. */
    static SdkHttpClient.Builder<?> sync() {
        return find(SdkHttpService.class, SYNC_PROPERTY, SYNC_PRIORITY, "apache-client")
                .createHttpClientBuilder();
    }

    /** A builder of the default asynchronous HTTP client. */
    static SdkAsyncHttpClient.Builder<?> async() {
        return find(SdkAsyncHttpService.class, ASYNC_PROPERTY, ASYNC_PRIORITY, "netty-nio-client")
                .createAsyncHttpClientFactory();
    }

    private static <S> S find(Class<S> service, String property, List<String> priority, String suggestion) {
        String named = System.getProperty(property);
        if (named != null && !named.isBlank()) {
            return instantiate(service, property, named.strip());
        }
        Function<S, Integer> rank = s -> {
            int i = priority.indexOf(s.getClass().getName());
            return i < 0 ? priority.size() : i;
        };
        return ServiceLoader.load(service, SdkHttpServices.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .min(Comparator.comparing(rank).thenComparing(s -> s.getClass().getName()))
                .orElseThrow(() -> new IllegalStateException("No AWS SDK HTTP client implementation ("
                        + service.getSimpleName() + ") is on the classpath, so an injected client has nothing to"
                        + " wrap. Add one, e.g. software.amazon.awssdk:" + suggestion + ", or name one with -D"
                        + property + "=<class>."));
    }

    private static <S> S instantiate(Class<S> service, String property, String className) {
        try {
            return service.cast(Class.forName(className, true, SdkHttpServices.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException(
                    "The system property " + property + " names '" + className
                            + "', which is not a loadable " + service.getName() + " with a no-argument constructor ("
                            + e + "). Fix the class name or add its module to the classpath.",
                    e);
        }
    }
}
