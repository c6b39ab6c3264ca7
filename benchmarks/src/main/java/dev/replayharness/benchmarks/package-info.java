/**
 * JMH benchmarks of the harness: replay cost per exchange through each adapter against the floor
 * (key + file read) and against WireMock serving equivalent stubs over loopback, how replay scales with
 * the number of stored recordings, streaming replay and record-mode time to first chunk, and the
 * throughput of canonicalization + hashing. Run with {@code benchmarks/run.sh}; results in
 * {@code benchmarks/RESULTS.md}.
 */
package dev.replayharness.benchmarks;
