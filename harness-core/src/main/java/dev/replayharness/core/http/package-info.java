/**
 * The request an adapter hands the engine ({@link dev.replayharness.core.http.OutgoingRequest}) and its
 * {@link dev.replayharness.core.http.Headers}: plain values every layer of the core may use, so they sit
 * below all of them.
 */
package dev.replayharness.core.http;
