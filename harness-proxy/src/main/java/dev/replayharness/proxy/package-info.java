/**
 * A record/replay HTTP proxy over harness-core, for clients in any language: {@link dev.replayharness.proxy.ReplayProxy}
 * (a Jetty 12 core-handler server on 127.0.0.1), naming tests with the {@code X-Replay-Harness-Test} header and
 * ending them through control endpoints under {@code /__harness/}. See {@code docs/proxy.md}.
 */
package dev.replayharness.proxy;
