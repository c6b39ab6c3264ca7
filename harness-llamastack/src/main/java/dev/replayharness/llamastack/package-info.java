/**
 * Import of recordings made by the Llama Stack project's Python record/replay harness
 * ({@code tests/integration/*}{@code /recordings/*.json}) into this project's format.
 */
package dev.replayharness.llamastack;
