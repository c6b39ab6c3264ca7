package dev.replayharness.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.testing.Harnesses;

@DisplayName("The file store meets the store contract, and owns everything about files")
class FileRecordingStoreTest extends RecordingStoreContract {
    @TempDir
    Path root;

    @Override
    RecordingStore newStore() {
        return new FileRecordingStore(root, "test", RecordingCache.shared());
    }

    @Override
    List<Path> held() throws IOException {
        return Harnesses.files(root.resolve("test"));
    }

    @Override
    void putRaw(String name, Recording recording) {
        RecordingsFolder.write(root.resolve("test").resolve(name), recording);
    }

    @Override
    Recording read(Path location) {
        return RecordingsFolder.read(location);
    }

    @Nested
    @DisplayName("files")
    class Files_ {
        @Test
        @DisplayName(
                "lays recordings out as <recordings>/<namespace>/<key>[-<n>].json, written without a temporary file left")
        void layout() throws Exception {
            record("Files#layout", "Laid out");
            Path file = held().get(0);
            assertThat(file.getParent()).isEqualTo(root.resolve("test"));
            assertThat(store.locate(RecordingsFolder.name(file).orElseThrow().key(), 3)
                            .getFileName()
                            .toString())
                    .isEqualTo(file.getFileName().toString().replace(".json", "-3.json"));
            try (var all = Files.list(root.resolve("test"))) {
                assertThat(all.toList()).containsExactly(file);
            }
        }

        @Test
        @DisplayName("a <key>.json that is a folder fails replay as a file that cannot be read, naming it")
        void folderNamedLikeARecording() throws Exception {
            record("Files#folder", "Folded");
            Path file = held().get(0);
            Files.delete(file);
            Files.createDirectory(file);
            try (HarnessSession session = harness(Mode.REPLAY).session("Files#folder")) {
                RecordingFormatException e =
                        catchThrowableOfType(RecordingFormatException.class, () -> send(session, "Folded"));
                assertThat(e)
                        .hasMessage("Recording " + file + ": is a directory, not a recording file. Delete or move it,"
                                + " then re-record.");
            }
            assertThat(RecordingsFolder.at(root).entries())
                    .as("listed for verify, not descended into")
                    .containsExactly(file);
        }

        @Test
        @DisplayName("a <key>.json that is a symbolic link loop fails replay the same way, and is listed for verify")
        void symlinkLoop() throws Exception {
            record("Files#loop", "Looped");
            Path file = held().get(0);
            Files.delete(file);
            Files.createSymbolicLink(file, file.getFileName());
            try (HarnessSession session = harness(Mode.REPLAY).session("Files#loop")) {
                RecordingFormatException e =
                        catchThrowableOfType(RecordingFormatException.class, () -> send(session, "Looped"));
                assertThat(e)
                        .hasMessage("Recording " + file + ": is a symbolic link that cannot be followed (a loop)."
                                + " Replace it with the recording file, or delete it and re-record.");
            }
            assertThat(RecordingsFolder.at(root).entries()).containsExactly(file);
        }

        @Test
        @DisplayName(
                "sweeps the temporary file of a write killed midway once it is stale, and leaves a fresh one alone")
        void sweepsTemporaries() throws Exception {
            record("Files#sweep", "Swept");
            Path file = held().get(0);
            Path stale = file.resolveSibling("." + file.getFileName() + "8812345.tmp");
            Path fresh = file.resolveSibling("." + file.getFileName() + "99.tmp");
            Files.writeString(stale, "{\"format\": 1, \"sou");
            Files.writeString(fresh, "{\"format\"");
            Files.setLastModifiedTime(
                    stale,
                    FileTime.from(Instant.now()
                            .minus(RecordingsFolder.STALE_TEMPORARY)
                            .minusSeconds(5)));
            RecordingsFolder folder = RecordingsFolder.at(root);
            assertThat(folder.entries()).as("listed, for verify to name").containsExactlyInAnyOrder(file, stale, fresh);
            assertThat(folder.sweepTemporaries()).containsExactly(stale);
            assertThat(stale).doesNotExist();
            assertThat(fresh).exists();
        }

        @Test
        @DisplayName("a recording edited in place is seen by the next miss (the index is kept fresh by stat stamps)")
        void indexSeesEdits() throws Exception {
            record("Files#edit", "Original question");
            Path file = held().get(0);
            Files.setLastModifiedTime(
                    file, FileTime.from(Instant.now().minusSeconds(60))); // settled: its stamp is trusted
            try (HarnessSession session = harness(Mode.REPLAY).session("Files#edit")) {
                ReplayMissError miss = catchThrowableOfType(ReplayMissError.class, () -> send(session, "Asked"));
                assertThat(miss.getMessage()).contains("the recording has \"Original question\"");
            }
            Files.writeString(file, Files.readString(file).replace("Original question", "Edited question"));
            try (HarnessSession session = harness(Mode.REPLAY).session("Files#edit")) {
                ReplayMissError miss = catchThrowableOfType(ReplayMissError.class, () -> send(session, "Asked"));
                assertThat(miss.getMessage()).contains("the recording has \"Edited question\"");
            }
        }

        @Test
        @DisplayName("names a recordings path that is a file as a file")
        void rootIsAFile() throws Exception {
            Path plain = Files.writeString(root.resolve("plain"), "x");
            assertThat(catchThrowableOfType(java.io.UncheckedIOException.class, () -> RecordingsFolder.at(plain)))
                    .hasMessage(plain.toAbsolutePath()
                            + " is a file, not a folder. Run from the repository root, or name the recordings folder.");
            assertThat(new FileRecordingStore(root, "plain", null).absence())
                    .contains(plain.toAbsolutePath()
                            + " is a file, not a folder: point harness.recordings-dir (Harness.Builder.recordingsDirectory) at the"
                            + " recordings folder");
        }
    }
}
