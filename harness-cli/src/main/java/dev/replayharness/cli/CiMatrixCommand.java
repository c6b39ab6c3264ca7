package dev.replayharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.replayharness.core.Mode;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CI matrix as Maven arguments, one line per entry. */
@Command(
        name = "ci-matrix",
        description = "Check suites/ci-matrix.json and print the Maven arguments of each entry, "
                + "one line each (`-Dsuite=… -Dsetup=… -Dharness.mode=…`), for .ci/run to loop over.")
final class CiMatrixCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            defaultValue = "suites/ci-matrix.json",
            description = "the matrix (default: ${DEFAULT-VALUE})")
    Path matrix;

    @Option(names = "--replay-only", description = "fail unless every entry's mode is replay (what CI runs)")
    boolean replayOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(matrix)) {
            throw new IllegalArgumentException(
                    matrix.toAbsolutePath() + " does not exist. Run from the repository root, "
                            + "or name the matrix file (suites/ci-matrix.json).");
        }
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(Files.readAllBytes(matrix));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(matrix + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode entries = root.path("entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException(
                    matrix + ": 'entries' must be a non-empty list of {suite, setup, mode, notes}");
        }
        Path setups = matrix.toAbsolutePath().getParent().resolve("setups");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = matrix + ": entries[" + i + "]";
            String suite = text(entry, "suite", where);
            String setup = text(entry, "setup", where);
            Mode mode = Mode.parse(text(entry, "mode", where), where + ".mode");
            if (!Files.isRegularFile(setups.resolve(setup + ".properties"))) {
                throw new IllegalArgumentException(
                        where + ": setup '" + setup + "' has no file " + setups.resolve(setup + ".properties"));
            }
            if (replayOnly && mode != Mode.REPLAY) {
                throw new IllegalArgumentException(
                        where + ": mode is " + mode + ", but CI runs only replay (it has no credentials)");
            }
            lines.add("-Dsuite=" + suite + " -Dsetup=" + setup + " -Dharness.mode=" + mode.value());
        }
        lines.forEach(out::println);
        return 0;
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException(
                    where + ": '" + field + "' is missing; each entry needs suite, setup and mode");
        }
        return value.stringValue();
    }
}
