package dev.replayharness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.replayharness.core.llamastack.LlamaStackImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Llama Stack recordings → shared recordings of this format. */
@Command(name = "import-llama-stack", description = "Import Llama Stack recordings (their tests/integration/…/recordings "
        + "folder) as shared recordings, re-keyed under this project's canonical form.")
final class ImportLlamaStackCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "folder of Llama Stack recording JSON files")
    Path source;

    @Option(names = "--into", defaultValue = "recordings/bedrock", description = "namespace folder to write (default: ${DEFAULT-VALUE})")
    Path into;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LlamaStackImporter.Imported> imported = LlamaStackImporter.importDirectory(source, into);
        imported.forEach(i -> out.println(i.from().getFileName() + " -> " + i.to()));
        out.println("imported " + imported.size() + " recordings into " + into);
        return 0;
    }
}
