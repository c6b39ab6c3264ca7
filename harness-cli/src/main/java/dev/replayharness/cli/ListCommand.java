package dev.replayharness.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.store.RecordingsFolder;

/** One line per recording. */
@Command(name = "list", description = "One line per recording: file, request, status, body, source, test.")
final class ListCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "recordings", description = "recordings folder (default: ${DEFAULT-VALUE})")
    Path root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int count = 0;
        for (Path file : RecordingsFolder.at(root).jsonEntries()) {
            count++;
            try {
                Recording r = RecordingsFolder.read(file);
                out.printf(
                        "%s  %s %s  %d  %s  %s  %s%n",
                        root.relativize(file),
                        r.request().method(),
                        URI.create(r.request().url()).getRawPath(),
                        r.response().status(),
                        BodyText.summary(r.response().body()),
                        r.source(),
                        r.testId() == null ? "(shared)" : r.testId());
            } catch (RecordingFormatException e) {
                out.printf("%s  UNREADABLE: %s%n", root.relativize(file), e.getMessage());
            }
        }
        out.println(count + " recordings");
        return 0;
    }
}
