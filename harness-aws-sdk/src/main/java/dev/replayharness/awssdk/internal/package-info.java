/**
 * Injection of SDK clients into {@code @Recorded} tests ({@code dev.replayharness.junit.SessionParameter}
 * services): {@code BedrockRuntimeClient}, {@code BedrockRuntimeAsyncClient}, {@code SdkHttpClient} and
 * {@code SdkAsyncHttpClient}. Read only when harness-junit is on the classpath.
 */
package dev.replayharness.awssdk.internal;
