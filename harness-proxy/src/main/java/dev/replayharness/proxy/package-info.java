/** A record/replay HTTP proxy over harness-core, for clients in any language. */
package dev.replayharness.proxy;
