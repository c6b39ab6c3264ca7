package dev.replayharness.llamastack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;

/**
 * A validated Llama Stack import, nothing written yet: what each file becomes, and what is skipped and why.
 * {@link #write()} writes every recording or, if one write fails, none (files it already wrote are removed or
 * given back their earlier content).
 */
public final class ImportPlan {
    private final List<LlamaStackImporter.Imported> imported;
    private final List<LlamaStackImporter.Skipped> skipped;
    private final Map<Path, Recording> recordings;

    ImportPlan(
            List<LlamaStackImporter.Imported> imported,
            List<LlamaStackImporter.Skipped> skipped,
            Map<Path, Recording> recordings) {
        this.imported = List.copyOf(imported);
        this.skipped = List.copyOf(skipped);
        this.recordings = new LinkedHashMap<>(recordings);
    }

    /** The files that will be imported, in the order they were read, each with its target file. */
    public List<LlamaStackImporter.Imported> imported() {
        return imported;
    }

    /** The files (and folders) that are not imported, and why. */
    public List<LlamaStackImporter.Skipped> skipped() {
        return skipped;
    }

    /** Writes every recording (atomically each); on failure undoes the writes done so far and rethrows. */
    public List<LlamaStackImporter.Imported> write() {
        Map<Path, byte[]> before = new LinkedHashMap<>(); // target -> its earlier bytes, or null when it did not exist
        List<Path> createdDirectories = new ArrayList<>();
        try {
            for (Map.Entry<Path, Recording> e : recordings.entrySet()) {
                Path target = e.getKey();
                createParents(target.toAbsolutePath().getParent(), createdDirectories);
                before.put(target, Files.exists(target) ? Files.readAllBytes(target) : null);
                RecordingsFolder.write(target, e.getValue()); // atomic, as the store writes
            }
        } catch (IOException | RuntimeException e) {
            undo(before, createdDirectories, e);
            throw e instanceof IOException io
                    ? new UncheckedIOException("Llama Stack import: " + io.getMessage() + "; nothing was written.", io)
                    : (RuntimeException) e;
        }
        return imported;
    }

    private static void createParents(Path directory, List<Path> created) throws IOException {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        createParents(directory.getParent(), created);
        Files.createDirectory(directory);
        created.add(directory);
    }

    private static void undo(Map<Path, byte[]> before, List<Path> createdDirectories, Exception failure) {
        before.forEach((target, bytes) -> {
            try {
                if (bytes == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.write(target, bytes);
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        });
        for (int i = createdDirectories.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirectories.get(i));
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
