package dev.replayharness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.store.RecordingsRoot;
import dev.replayharness.server.StackServer;

/** {@code harness serve <stack-config.yaml>}: the Bedrock provider as a Llama Stack–style OpenAI API. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a stack configuration (the bedrock-run.yaml format) as an OpenAI-compatible API on",
            "http://127.0.0.1:<server.port, default 8321>: POST/GET /v1/chat/completions, GET /v1/chat/completions/{id},",
            "GET /v1/models. Provider calls go through the harness: replayed from <recordings>/stack-server by default",
            "(no credentials needed), recorded with --mode record (or HARNESS_MODE / -Dharness.mode).",
            "Completions are stored in the SQLite file at storage.backends.sql_default.db_path. Ctrl-C stops gracefully."
        })
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STACK_CONFIG", description = "e.g. bedrock-provider/bedrock-run.yaml")
    Path config;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port (default: server.port of the config, else 8321; 0 = any free port).")
    Integer port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 serves other machines too).")
    String host;

    @Option(
            names = "--recordings",
            paramLabel = "DIR",
            description = "Recordings folder; the server uses its stack-server subfolder (default: recordings/ in the"
                    + " nearest folder, from the working directory up, that has one or a .git).")
    Path recordings;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description =
                    "replay, record, record-if-missing or live (default: harness.mode / HARNESS_MODE, else replay).")
    String mode;

    @Option(
            names = "--max-request-bytes",
            paramLabel = "BYTES",
            description = "Largest request body accepted; larger ones get 413 (default: 10485760).")
    Long maxRequestBytes;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            defaultValue = "target/harness-report-serve.json",
            description = "The run report written when the server stops: the recordings its completions used, read"
                    + " by `harness unused` and `harness summary` (default: ${DEFAULT-VALUE}).")
    Path report;

    /** Called once the server listens (tests use it to talk to the server and then stop it). */
    Consumer<StackServer> onStarted = server -> {};

    private final CountDownLatch stop = new CountDownLatch(1);
    private boolean reported;

    /** Ends {@link #call()}: the server stops gracefully. */
    void stop() {
        stop.countDown();
    }

    /**
     * Stops the server and writes its run report: from the shutdown hook (SIGTERM, Ctrl-C) or when {@link #call()}
     * ends, whichever comes first (the JVM may exit once the hook returns).
     */
    private synchronized void closeAndReport(StackServer server, List<dev.replayharness.core.RecordingUse> served) {
        if (reported) {
            return;
        }
        reported = true;
        server.close();
        Harness harness = server.harness();
        // Requests name their test in a header the report does not see: every use is one entry of the server's.
        dev.replayharness.core.RunReportWriter uses = new dev.replayharness.core.RunReportWriter(
                report, harness.namespaceDirectory().getParent());
        synchronized (served) {
            uses.add("harness serve " + config.getFileName(), harness.namespace(), harness.mode(), served);
        }
        try {
            uses.write();
        } catch (java.io.IOException e) {
            spec.commandLine()
                    .getErr()
                    .println("harness serve: cannot write the run report " + report + " (" + e
                            + "). Make its folder writable or name another file with --report.");
            spec.commandLine().getErr().flush();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        StackConfig stack = StackConfig.load(config);
        Path root = recordings != null ? recordings : RecordingsRoot.nearest(Path.of(""));
        Harness.Builder harness = StackServer.harnessBuilder(stack, root);
        if (mode != null) {
            harness.mode(Mode.parse(mode, "--mode"));
        }
        prepareToRecord(root);
        StackServer.Builder builder =
                StackServer.builder(stack, harness.build()).host(host);
        if (port != null) {
            builder.port(port);
        }
        if (maxRequestBytes != null) {
            builder.maxRequestBytes(maxRequestBytes);
        }
        List<dev.replayharness.core.RecordingUse> served = Collections.synchronizedList(new ArrayList<>());
        builder.onRecordingUse(served::add);
        StackServer server = builder.build().start();
        Thread hook = new Thread(
                () -> {
                    stop();
                    closeAndReport(server, served);
                },
                "stack-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            spec.commandLine()
                    .getOut()
                    .println("Serving " + stack.registeredModels().size() + " model(s) from " + config
                            + " on " + server.baseUri() + " (mode "
                            + server.harness().mode().value() + ", recordings "
                            + server.harness().namespaceDirectory() + ", store "
                            + server.store().file() + "). Ctrl-C stops.");
            spec.commandLine().getOut().flush();
            warnIfNoRecordings(server.harness());
            onStarted.accept(server);
            stop.await();
        } finally {
            closeAndReport(server, served);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it closes the server itself
            }
        }
        return 0;
    }

    /**
     * A recording server needs its recordings root: the default one is created (as the proxy does); a
     * named one that is missing is more likely a typo, so it is refused naming {@code --recordings}.
     */
    private void prepareToRecord(Path root) {
        Mode resolved = mode != null
                ? Mode.parse(mode, "--mode")
                : Mode.resolve(
                        java.util.Optional.empty(),
                        ConfigurationSource.systemProperties(),
                        ConfigurationSource.environment());
        if (Files.isDirectory(root) || (resolved != Mode.RECORD && resolved != Mode.RECORD_IF_MISSING)) {
            return;
        }
        if (recordings != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--recordings " + recordings + ": the folder does not exist, so mode " + resolved.value()
                            + " cannot write recordings. Create it (mkdir -p " + recordings.toAbsolutePath()
                            + ") or pass --recordings <an existing folder>.");
        }
        try {
            Files.createDirectories(root);
        } catch (java.io.IOException e) {
            throw new HarnessConfigurationException(
                    "Cannot create the recordings folder " + root + " (" + e + "). Create it yourself or pass"
                            + " --recordings <folder>.",
                    e);
        }
    }

    /** A replaying server without its recordings folder would answer 424 to every completion: say so at once. */
    private void warnIfNoRecordings(Harness harness) {
        if (harness.mode() == Mode.REPLAY && !Files.isDirectory(harness.namespaceDirectory())) {
            spec.commandLine()
                    .getErr()
                    .println("Warning: " + harness.namespaceDirectory().toAbsolutePath()
                            + " does not exist, so every chat completion will answer 424 (no recording). Pass"
                            + " --recordings <the folder holding " + StackServer.NAMESPACE + "/> (e.g. the"
                            + " repository's recordings/), or record with --mode record-if-missing.");
            spec.commandLine().getErr().flush();
        }
    }
}
