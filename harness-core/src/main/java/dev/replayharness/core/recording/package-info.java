/**
 * The recording file format (version 1): one exchange per file, read and written by
 * {@link dev.replayharness.core.recording.RecordingFiles}, named by its
 * {@link dev.replayharness.core.recording.RecordingKey}. See {@code docs/recording-format.md}.
 */
package dev.replayharness.core.recording;
