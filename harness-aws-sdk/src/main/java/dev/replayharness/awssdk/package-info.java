/**
 * Records and replays the AWS SDK for Java v2 by wrapping its HTTP client: {@link dev.replayharness.awssdk.HarnessAws}.
 * Everything else in this package is implementation.
 */
package dev.replayharness.awssdk;
