/**
 * {@link dev.replayharness.core.config.HarnessConfigurationException}: a setting of the harness is wrong. Below
 * every layer, since the store (a recordings directory) and the engine (a mode, a namespace) both throw it.
 */
package dev.replayharness.core.config;
