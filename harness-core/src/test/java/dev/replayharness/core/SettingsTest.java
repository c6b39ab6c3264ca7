package dev.replayharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.store.InMemoryRecordingStore;

@DisplayName("A harness's settings")
class SettingsTest {

    @Test
    @DisplayName("name no secret value in toString, only how many there are")
    void toStringHidesSecrets() {
        Settings settings = new Settings(
                new InMemoryRecordingStore("ns"),
                "ns",
                Mode.REPLAY,
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                Set.of(),
                List.of("sk-live-0123456789"),
                Optional.empty(),
                false,
                false,
                null,
                Settings::defaultRecordCommand,
                0,
                null);

        assertThat(settings.toString())
                .doesNotContain("sk-live-0123456789")
                .contains("secrets=1 values")
                .contains("namespace=ns");
    }
}
