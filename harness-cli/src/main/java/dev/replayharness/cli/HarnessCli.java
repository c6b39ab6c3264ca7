package dev.replayharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code harness}: the recordings toolbox, and the record/replay proxy ({@code harness proxy}). Run {@code ./harness --help} from the repository root. */
@Command(
        name = "harness",
        mixinStandardHelpOptions = true,
        version = "Replay Harness toolbox 0.1.0",
        description = "Work with Replay Harness recordings.",
        subcommands = {
            VerifyCommand.class,
            ListCommand.class,
            ShowCommand.class,
            UnusedCommand.class,
            SummaryCommand.class,
            ImportLlamaStackCommand.class,
            RehashCommand.class,
            CiMatrixCommand.class,
            ProxyCommand.class,
            ServeCommand.class
        })
public final class HarnessCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line. A failure inside a command prints one line naming what went wrong
     * (the exceptions' messages name the file and the fix) instead of a stack trace, and exits 1.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new HarnessCli()).setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("harness " + commandLine.getCommandName() + ": " + error.getMessage());
            return 1;
        });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Name a command: verify, list, show, unused, summary, "
                        + "import-llama-stack, rehash, ci-matrix, proxy or serve (see --help).");
    }
}
