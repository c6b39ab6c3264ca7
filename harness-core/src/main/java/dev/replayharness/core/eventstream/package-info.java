/**
 * The AWS event-stream format ({@code application/vnd.amazon.eventstream}) as readable JSON: {@link EventStreamCodec}
 * turns a body into one JSON object per frame and back into byte-exact frames. Not yet wired into recording and
 * replay (see issue 14's notes): an engine stage calls it.
 */
package dev.replayharness.core.eventstream;
