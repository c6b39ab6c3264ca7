/** Not API: the {@code @Recorded} parameter provider of {@code harness-langchain4j}, found by {@link java.util.ServiceLoader}. */
package dev.replayharness.langchain4j.internal;
