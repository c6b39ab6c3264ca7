/**
 * The Apache HttpClient 5 adapters: an {@code ExecChainHandler} for the classic client and an
 * {@code AsyncExecChainHandler} for the async client, each added first in the exec chain so that
 * replay leases no connection. Wire them with {@link dev.replayharness.core.apache.ApacheHarness}.
 * This package is the only one that imports Apache HttpClient.
 */
package dev.replayharness.core.apache;
