/**
 * This repository's named setups ({@code suites/setups/<name>.properties}): where each provider's recorded
 * tests send their requests when they record. Repository tooling used by the provider modules' tests, not
 * library API — {@code harness-junit} does not depend on it.
 */
package dev.replayharness.setups;
