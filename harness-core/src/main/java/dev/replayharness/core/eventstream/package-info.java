/**
 * The AWS event-stream format ({@code application/vnd.amazon.eventstream}) as readable JSON: {@link EventStreamCodec}
 * turns a body into one JSON object per frame and back into byte-exact frames. The recorder stores those frames
 * readably ({@code codec.EventStreamBodies}, {@code recording.Body.Frames}); replay encodes them again. A leaf: it
 * imports no other package of the harness.
 */
package dev.replayharness.core.eventstream;
