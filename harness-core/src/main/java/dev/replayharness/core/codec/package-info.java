/**
 * How bodies, server-sent events and content encodings are turned into a recording's values and back;
 * not API. Below the key and the store, which both read and write bodies.
 */
package dev.replayharness.core.codec;
