/**
 * JSON helpers of the engine, not API: the shared Jackson mapper and printer ({@code Json}), RFC 8785
 * canonicalization ({@code Jcs}) and field-level differences ({@code JsonDiff}). A leaf: it imports no
 * package of the harness, so every other package may use it.
 */
package dev.replayharness.core.json;
