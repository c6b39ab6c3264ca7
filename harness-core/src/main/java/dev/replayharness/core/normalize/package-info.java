/**
 * Request normalizers (applied to the key's input only, described by a spec string stored in each
 * recording so the key can be recomputed from the file) and response normalizers (applied before
 * a recording is written, so re-recording an unchanged upstream changes nothing).
 */
package dev.replayharness.core.normalize;
