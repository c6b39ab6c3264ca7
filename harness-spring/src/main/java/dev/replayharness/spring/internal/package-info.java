/** Not API: the {@code @Recorded} parameter providers of {@code harness-spring}, found by {@link java.util.ServiceLoader}. */
package dev.replayharness.spring.internal;
