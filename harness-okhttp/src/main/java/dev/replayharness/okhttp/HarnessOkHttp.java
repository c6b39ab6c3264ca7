package dev.replayharness.okhttp;

import java.util.Objects;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.okhttp.internal.HarnessInterceptor;

/**
 * Routes an OkHttp 5 client through the harness with one application interceptor:
 *
 * <pre>{@code
 * OkHttpClient http = HarnessOkHttp.wire(new OkHttpClient.Builder(), session).build();
 * }</pre>
 *
 * <p>In replay mode the interceptor answers from the recording and never calls {@code proceed}, so no
 * connection is opened; in record mode it proceeds and tees the response body into the recording as the
 * caller reads it, so a server-sent event reaches the caller (and {@code okhttp-sse}) as it arrives.
 * Add it last among your application interceptors, so that it sees the request as it will be sent.
 * Clients that take interceptors (the OpenAI Java SDK's {@code OpenAIOkHttpClient.builder().addInterceptor(…)})
 * take {@link #interceptor} directly.
 *
 * <p>A replay miss is thrown from {@code Call.execute()} as the harness's {@code ReplayMissError},
 * untouched. With {@code Call.enqueue} (and so {@code okhttp-sse}), OkHttp itself reports an
 * interceptor's error to {@code Callback.onFailure} as an {@code IOException("canceled due to …")}
 * whose cause is the {@code ReplayMissError}.
 */
public final class HarnessOkHttp {
    private HarnessOkHttp() {}

    /** The application interceptor that records and replays through {@code session}. */
    public static Interceptor interceptor(HarnessSession session) {
        return new HarnessInterceptor(Objects.requireNonNull(session, "session"));
    }

    /** Appends {@link #interceptor} to {@code builder}'s application interceptors; returns {@code builder}. */
    public static OkHttpClient.Builder wire(OkHttpClient.Builder builder, HarnessSession session) {
        Objects.requireNonNull(builder, "builder");
        return builder.addInterceptor(interceptor(session));
    }

    /** A new {@code OkHttpClient} with OkHttp's defaults, routed through {@code session}. */
    public static OkHttpClient client(HarnessSession session) {
        return wire(new OkHttpClient.Builder(), session).build();
    }
}
