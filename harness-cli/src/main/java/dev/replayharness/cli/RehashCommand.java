package dev.replayharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingKey;
import dev.replayharness.core.store.RecordingsFolder;

/** Renames recordings to the key their request has now. */
@Command(
        name = "rehash",
        description = "After a deliberate change to the canonical form, rename every recording to "
                + "the key recomputed from its request (keeping its -<n> suffix).")
final class RehashCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "recordings", description = "recordings folder (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--dry-run", description = "print the renames without doing them")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int renamed = 0;
        int conflicts = 0;
        for (Path file : RecordingsFolder.at(root).jsonEntries()) {
            Optional<RecordingKey.Named> named = RecordingsFolder.name(file);
            if (named.isEmpty()) {
                continue;
            }
            RecordingKey key;
            try {
                Recording recording = RecordingsFolder.read(file);
                key = CanonicalRequest.of(recording.request(), recording.testId())
                        .key();
            } catch (RuntimeException e) {
                out.println(file + ": left as it is, it cannot be read or keyed: " + e.getMessage());
                conflicts++;
                continue;
            }
            if (key.equals(named.get().key())) {
                continue;
            }
            Path target = RecordingsFolder.sibling(file, key, named.get().occurrence());
            if (Files.exists(target)) {
                out.println(
                        file + ": cannot rename to " + target.getFileName() + ", which exists; keep one of the two");
                conflicts++;
                continue;
            }
            out.println(file + " -> " + target.getFileName());
            renamed++;
            if (!dryRun) {
                try {
                    Files.move(file, target);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot rename " + file + ": " + e.getMessage(), e);
                }
            }
        }
        out.println("rehash: " + renamed + (dryRun ? " to rename" : " renamed")
                + (conflicts > 0 ? ", " + conflicts + " conflicts" : ""));
        return conflicts == 0 ? 0 : 1;
    }
}
