package dev.replayharness.core;

/** Whether a new recording belongs to one test or is shared by every test that makes the same request. */
public enum RecordingScope {
    /** The test identity is part of the key: each test has its own recordings. The default. */
    TEST,
    /** The key ignores the test: any test making the same request replays it. */
    SHARED
}
