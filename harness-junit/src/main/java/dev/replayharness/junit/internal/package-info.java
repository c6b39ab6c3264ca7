/**
 * Implementation of the Replay Harness JUnit extension. Not API: anything here may change without notice.
 */
package dev.replayharness.junit.internal;
