package dev.replayharness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.replayharness.llamastack.ImportPlan;
import dev.replayharness.llamastack.ImportScope;
import dev.replayharness.llamastack.LlamaStackImporter;

/**
 * Llama Stack recordings → recordings of this format. Every file is checked before anything is written: one line
 * per file imported or skipped; on a file that cannot be imported, one line per such file, nothing written, exit 1.
 */
@Command(
        name = "import-llama-stack",
        description = {
            "Import Llama Stack recordings (their tests/integration/…/recordings "
                    + "folders) as recordings of this format, re-keyed under this project's canonical form.",
            "Shared, except files that make the same request as another: those are test-scoped, under "
                    + "'llama-stack:<their test_id>'. Nothing is written unless every file can be imported."
        })
final class ImportLlamaStackCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "DIR",
            description = "folders of Llama Stack recording JSON files (not searched recursively)")
    List<Path> sources;

    @Option(
            names = "--into",
            defaultValue = "recordings/bedrock",
            description = "namespace folder to write (default: ${DEFAULT-VALUE})")
    Path into;

    @Option(
            names = "--scope",
            paramLabel = "SCOPE",
            defaultValue = "auto",
            converter = ScopeConverter.class,
            description = "auto (default): shared unless two files make the same request, then test-scoped; "
                    + "shared: refuse such files; test: every file with a test_id test-scoped")
    ImportScope scope;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImportPlan plan =
                LlamaStackImporter.plan(sources, into, scope); // throws, listing every bad file, before any write
        plan.skipped().forEach(s -> out.println("skipped " + s.file() + ": " + s.reason()));
        List<LlamaStackImporter.Imported> imported = plan.write();
        imported.forEach(i -> out.println("imported " + i.from() + " -> " + i.to()
                + (i.testId() == null ? " (shared)" : " (test " + i.testId() + ")")));
        long scoped = imported.stream().filter(i -> i.testId() != null).count();
        out.println("imported " + imported.size() + " recordings into " + into + " (" + (imported.size() - scoped)
                + " shared, " + scoped + " test-scoped); skipped "
                + plan.skipped().size());
        return 0;
    }

    /** Lower-case scope names, as the other commands spell their values. */
    static final class ScopeConverter implements CommandLine.ITypeConverter<ImportScope> {
        @Override
        public ImportScope convert(String value) {
            try {
                return ImportScope.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a scope; use auto, shared or test");
            }
        }
    }
}
