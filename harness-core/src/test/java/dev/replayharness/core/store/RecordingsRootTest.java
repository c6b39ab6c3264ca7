package dev.replayharness.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The default recordings root")
class RecordingsRootTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("is recordings/ in the nearest folder upwards that has one")
    void nearestFolderWithRecordings() throws IOException {
        Files.createDirectories(dir.resolve("repo/recordings"));
        Path module = Files.createDirectories(dir.resolve("repo/module/src"));
        assertThat(RecordingsRoot.nearest(module)).isEqualTo(dir.resolve("repo/recordings"));
    }

    @Test
    @DisplayName("stops at the top of a clone (.git), so a recordings/ above it is not taken")
    void stopsAtTheClone() throws IOException {
        Files.createDirectories(dir.resolve("recordings"));
        Files.createDirectories(dir.resolve("clone/.git"));
        Path module = Files.createDirectories(dir.resolve("clone/module"));
        assertThat(RecordingsRoot.nearest(module)).isEqualTo(dir.resolve("clone/recordings"));
    }

    @Test
    @DisplayName("is recordings/ in the starting folder when no folder above has one or a .git")
    void startingFolderOtherwise() throws IOException {
        Path start = Files.createDirectories(dir.resolve("a/b"));
        Path found = RecordingsRoot.nearest(start);
        // /tmp has neither on a normal machine; if an ancestor of the temp folder does, the rule still holds.
        assertThat(found)
                .satisfiesAnyOf(
                        f -> assertThat(f).isEqualTo(start.resolve("recordings")),
                        f -> assertThat(start.startsWith(f.getParent())).isTrue());
    }
}
