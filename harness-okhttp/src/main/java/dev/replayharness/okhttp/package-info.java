/**
 * The OkHttp 5 adapter: {@link dev.replayharness.okhttp.HarnessOkHttp#interceptor} is an application
 * interceptor that records and replays an {@code OkHttpClient}'s calls through a
 * {@link dev.replayharness.core.HarnessSession}.
 */
package dev.replayharness.okhttp;
