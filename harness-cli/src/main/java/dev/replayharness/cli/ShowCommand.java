package dev.replayharness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.store.RecordingsFolder;

/** A recording rendered for a person. */
@Command(
        name = "show",
        description = "Render a recording for a person: request, response, and for a stream its "
                + "event count and concatenated text.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the recording file")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Recording r = RecordingsFolder.read(file);
        out.println("Recording " + file);
        out.println("  format " + r.format() + ", source " + r.source() + ", test "
                + (r.testId() == null ? "(shared)" : r.testId()));
        out.println();
        out.println(r.request().method() + " " + r.request().url());
        headers(out, r.request().headers());
        if (!r.request().normalizers().isEmpty()) {
            out.println("(key normalizers: " + String.join("; ", r.request().normalizers()) + ")");
        }
        out.println(BodyText.full(r.request().body()));
        out.println();
        out.println("HTTP " + r.response().status());
        headers(out, r.response().headers());
        out.println(BodyText.full(r.response().body()));
        if (r.response().interruption() != null) {
            out.println("(interrupted: " + r.response().interruption().kind().value() + ": "
                    + r.response().interruption().message() + ")");
        }
        return 0;
    }

    private static void headers(PrintWriter out, Headers headers) {
        headers.asMap().forEach((name, values) -> values.forEach(v -> out.println(name + ": " + v)));
    }
}
