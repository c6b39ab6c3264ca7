/** A transport for the official OpenAI Java SDK that records and replays through harness-core. */
package dev.replayharness.openaisdk;
