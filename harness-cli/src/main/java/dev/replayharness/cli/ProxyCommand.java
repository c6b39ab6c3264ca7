package dev.replayharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.store.RecordingsRoot;
import dev.replayharness.proxy.ReplayProxy;

/** {@code harness proxy}: the record/replay proxy, for clients in any language. Runs until Ctrl-C. */
@Command(
        name = "proxy",
        description = {
            "Run a record/replay HTTP proxy on 127.0.0.1 in front of an upstream, so curl, Python or Node clients use recordings.",
            "Name a request's test with the header " + ReplayProxy.TEST_HEADER
                    + ": <test id> (without it: shared recordings); "
                    + "end a test with POST /__harness/tests/<percent-encoded id>/end to write its recordings. "
                    + "Ctrl-C stops gracefully and writes every recording. See docs/proxy.md."
        })
final class ProxyCommand implements Callable<Integer> {
    static final String DEFAULT_SECRET_ENV_VARS = "AWS_BEARER_TOKEN_BEDROCK,OPENAI_API_KEY,ANTHROPIC_API_KEY";

    @Option(
            names = "--upstream",
            required = true,
            paramLabel = "URL",
            description = "the upstream base URL, e.g. https://api.openai.com or http://127.0.0.1:8081/openai")
    URI upstream;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--recordings",
            paramLabel = "DIR",
            description = "the recordings root (default: recordings/ in the nearest "
                    + "folder, from the working directory up, that has one or a .git)")
    Path recordings;

    @Option(
            names = "--namespace",
            defaultValue = "default",
            paramLabel = "NS",
            description = "the recordings folder inside the root (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "replay, record-if-missing, record or live (default: the "
                    + "harness.mode system property, else HARNESS_MODE, else replay)")
    String mode;

    @Option(
            names = "--scope",
            defaultValue = "test",
            paramLabel = "SCOPE",
            description =
                    "test: recordings of requests "
                            + "with a test header belong to that test; shared: any test replays them (default: ${DEFAULT-VALUE})")
    String scope;

    @Option(
            names = "--normalize",
            paramLabel = "NAME",
            description = "a response normalizer: openai-compatible "
                    + "(volatile ids become rec-<key>, created becomes 0, so re-recording changes nothing)")
    String normalize;

    @Option(
            names = "--source",
            paramLabel = "LABEL",
            description = "the source written into new recordings "
                    + "(default: emulator for a loopback upstream, else live)")
    String source;

    @Option(
            names = "--secret-env-vars",
            defaultValue = DEFAULT_SECRET_ENV_VARS,
            paramLabel = "NAMES",
            description =
                    "environment variables whose values are redacted wherever they appear (default: ${DEFAULT-VALUE})")
    String secretEnvVars;

    @Option(names = "--record-timing", description = "record each server-sent event's time offset")
    boolean recordTiming;

    @Option(names = "--replay-timing", description = "wait the recorded offsets when replaying")
    boolean replayTiming;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            defaultValue = "target/harness-report-proxy.json",
            description = "the run report written when the proxy stops: each test id and the recordings it used,"
                    + " read by `harness unused` and `harness summary` (default: ${DEFAULT-VALUE})")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CompletableFuture<URI> started = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Runnable stop;
    private volatile String failure;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Jetty logs through SLF4J, which has no provider in this tool: keep its three-line warning off the terminal.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Harness harness;
        ReplayProxy proxy;
        try {
            harness = harness();
            proxy = ReplayProxy.builder(harness, upstream)
                    .host(host)
                    .port(port)
                    .runReport(report)
                    .build()
                    .start();
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
        Thread hook = new Thread(() -> stop(proxy, out), "replay-proxy-shutdown");
        stop = () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
            stop(proxy, out);
        };
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Replay Harness proxy on " + proxy.baseUri() + " for " + upstream + " (mode "
                + harness.mode().value() + ", namespace " + harness.namespace() + ", recordings "
                + harness.namespaceDirectory().toAbsolutePath() + ")");
        out.println(
                "Send " + ReplayProxy.TEST_HEADER + ": <test id> to use a test's recordings; POST " + proxy.baseUri()
                        + "__harness/tests/<percent-encoded test id>/end ends a test and writes its recordings. Ctrl-C stops.");
        out.flush();
        started.complete(proxy.baseUri());
        stopped.await();
        return failure == null ? 0 : 1;
    }

    private synchronized void stop(ReplayProxy proxy, PrintWriter out) {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            proxy.close();
            out.println("Replay Harness proxy stopped; every session closed and its recordings written.");
        } catch (RuntimeException e) {
            failure = e.getMessage();
            spec.commandLine().getErr().println("harness proxy: " + e.getMessage());
        } finally {
            out.flush();
            stopped.countDown();
        }
    }

    /** For tests: the bound base URI once the proxy listens (fails if it could not start). */
    CompletableFuture<URI> started() {
        return started;
    }

    /** For tests: what Ctrl-C does (stop gracefully, write recordings), without the JVM exiting. */
    void stop() {
        Runnable action = stop;
        if (action != null) {
            action.run();
        }
    }

    private Harness harness() {
        boolean defaulted = recordings == null;
        Path root = defaulted ? defaultRecordings(Path.of("").toAbsolutePath()) : recordings;
        Harness.Builder builder = Harness.builder()
                .recordingsDirectory(root)
                .namespace(namespace)
                .scope(parseScope())
                .recordTiming(recordTiming)
                .replayTiming(replayTiming)
                .recordCommand(
                        testId -> "restart the proxy with --mode record-if-missing (or HARNESS_MODE=record-if-missing) "
                                + "against a reachable upstream, send the request again, then end the test (POST "
                                + "/__harness/tests/<id>/end) or stop the proxy so that the recording is written");
        if (mode != null) {
            builder.mode(Mode.parse(mode, "option --mode"));
        }
        if (normalize != null) {
            if (!normalize.trim().equalsIgnoreCase("openai-compatible")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "Unknown --normalize '" + normalize
                                + "': the only response normalizer by name is openai-compatible.");
            }
            builder.responseNormalizer(ResponseNormalizer.openAiCompatible());
        }
        if (source != null) {
            builder.source(source);
        }
        Arrays.stream(secretEnvVars.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(System::getenv)
                .forEach(builder::secret);
        if (defaulted) {
            createIfRecording(builder, root);
        }
        return builder.build();
    }

    /** Only the default folder is created in a mode that records: a named one that is missing is more likely a typo. */
    private void createIfRecording(Harness.Builder builder, Path root) {
        Mode resolved = mode != null
                ? Mode.parse(mode, "option --mode")
                : Mode.resolve(
                        java.util.Optional.empty(),
                        dev.replayharness.core.ConfigurationSource.systemProperties(),
                        dev.replayharness.core.ConfigurationSource.environment());
        if (resolved == Mode.RECORD || resolved == Mode.RECORD_IF_MISSING) {
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new HarnessConfigurationException(
                        "Cannot create the recordings directory " + root + " (" + e
                                + "). Create it yourself or pass --recordings.",
                        e);
            }
        }
    }

    private RecordingScope parseScope() {
        return switch (scope.trim().toLowerCase(Locale.ROOT)) {
            case "test" -> RecordingScope.TEST;
            case "shared" -> RecordingScope.SHARED;
            default ->
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "Invalid --scope '" + scope + "': use test or shared.");
        };
    }

    /** {@code recordings} in the nearest folder, from {@code start} up, that has one or a {@code .git}; as the JUnit extension finds it. */
    static Path defaultRecordings(Path start) {
        return RecordingsRoot.nearest(start);
    }
}
