/** Turns a JMH JSON result file into the RESULTS.md tables and the ratios the targets are stated in. */
package dev.replayharness.benchmarks.report;
