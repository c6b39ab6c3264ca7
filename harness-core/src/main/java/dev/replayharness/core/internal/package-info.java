/**
 * Implementation of the harness. Not API: anything here may change in any release.
 */
package dev.replayharness.core.internal;
