/**
 * The canonical form of a request and the SHA-256 key that names its recording file. The form is
 * specified in {@code docs/recording-format.md}; golden hashes in the tests pin it.
 */
package dev.replayharness.core.key;
