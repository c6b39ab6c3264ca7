package dev.replayharness.core.store;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;

import dev.replayharness.core.recording.Recording;

@DisplayName("The in-memory store meets the store contract")
class InMemoryRecordingStoreTest extends RecordingStoreContract {
    private InMemoryRecordingStore memory;

    @Override
    RecordingStore newStore() {
        memory = new InMemoryRecordingStore("test");
        return memory;
    }

    @Override
    List<Path> held() {
        return List.copyOf(memory.recordings().keySet()).stream().sorted().toList();
    }

    @Override
    void putRaw(String name, Recording recording) {
        memory.put(name, recording);
    }

    @Override
    Recording read(Path location) {
        return memory.recordings().get(location);
    }
}
