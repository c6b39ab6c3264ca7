package dev.replayharness.bedrock.nativeapi.emulator;

import tools.jackson.databind.json.JsonMapper;

/** The emulator's one JSON mapper. */
final class NativeJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Every streamed answer and InvokeModel completion claims this creation time, so answers are reproducible. */
    static final long CREATED = 1764547200L;

    private NativeJson() {}
}
