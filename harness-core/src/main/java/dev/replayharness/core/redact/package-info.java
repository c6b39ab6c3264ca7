/**
 * Redaction, not API: the {@code Redactor} (credential patterns and learned secrets) and its
 * application to a whole recording. Used at the request's one point (the keyer) and the response's
 * (before staging).
 */
package dev.replayharness.core.redact;
