/**
 * JMH benchmarks of the harness: replay cost per exchange through each adapter against the floor
 * (key + file read) and against WireMock serving equivalent stubs over loopback, how replay scales with
 * the number of stored recordings, streaming replay and record-mode time to first chunk, and the
 * throughput of canonicalization + hashing, a replay miss against a large namespace ({@code MissBenchmark}) and
 * the JUnit extension's cost per test ({@code JunitExtensionBenchmark}). Run with {@code benchmarks/run.sh};
 * compare two commits with {@code benchmarks/compare.sh}; results in {@code benchmarks/RESULTS.md}.
 */
package dev.replayharness.benchmarks;
