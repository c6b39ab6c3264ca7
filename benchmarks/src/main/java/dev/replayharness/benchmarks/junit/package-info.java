/**
 * Fixture test classes for {@link dev.replayharness.benchmarks.JunitExtensionBenchmark}: the same parameterized
 * test with and without {@code @Recorded}, run through the JUnit Platform Launcher inside the benchmark.
 */
package dev.replayharness.benchmarks.junit;
