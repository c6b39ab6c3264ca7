package dev.replayharness.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.redact.Redactor;
import dev.replayharness.core.replay.Sleeper;
import dev.replayharness.core.store.FileRecordingStore;
import dev.replayharness.core.store.RecordingCache;
import dev.replayharness.core.store.RecordingStore;

/**
 * The record/replay engine for one namespace of recordings ({@code <recordings>/<namespace>/}).
 * Immutable and thread-safe; create one {@link HarnessSession} per test.
 *
 * <pre>{@code
 * Harness harness = Harness.builder()
 *         .recordingsDirectory(Path.of("recordings"))
 *         .namespace("bedrock")
 *         .responseNormalizer(ResponseNormalizer.openAiCompatible())
 *         .build();                        // mode from harness.mode / HARNESS_MODE, default replay
 * try (HarnessSession session = harness.session("MyTest#answers")) {
 *     HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
 *     ...
 * }                                       // recordings are written when the session closes
 * }</pre>
 */
public final class Harness {
    private final Settings settings;

    private Harness(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Mode mode() {
        return settings.mode();
    }

    public String namespace() {
        return settings.namespace();
    }

    /** {@code <recordings>/<namespace>}: where this harness reads and writes. */
    public Path namespaceDirectory() {
        return settings.namespaceDirectory();
    }

    /** Where this harness's recordings are kept: the one place that knows where and how. */
    public RecordingStore store() {
        return settings.store();
    }

    /** A session for one test; its recordings are keyed by {@code testId} when the scope is {@link RecordingScope#TEST}. */
    public HarnessSession session(String testId) {
        return new HarnessSession(settings, Objects.requireNonNull(testId, "testId"));
    }

    /** A session with no test identity: it reads and writes only shared recordings. */
    public HarnessSession sharedSession() {
        return new HarnessSession(settings, null);
    }

    /**
     * Removes credentials from a text, as recordings are redacted: by pattern (API keys, bearer tokens), and
     * the values of this harness's secret environment variables. For the messages and logs of code built on
     * the harness (a server, a proxy); a session's {@link HarnessSession#redact} also knows the credentials
     * its requests carried.
     */
    public String redact(String text) {
        return new Redactor(settings.secrets()).redact(text);
    }

    /**
     * Settings of a {@link Harness}. Only the recordings directory is required. Where recordings live, the
     * mode and how replay behaves are set here; what a recording keeps and how requests are keyed
     * (normalizers, recorded headers, secrets, source, timing) in {@link RecordingOptions}.
     */
    public static final class Builder extends RecordingOptions {
        private Path recordingsDirectory;
        private String namespace = "default";
        private Mode mode;
        private ConfigurationSource configuration = ConfigurationSource.systemProperties();
        private ConfigurationSource environment = ConfigurationSource.environment();
        private RecordingScope scope = RecordingScope.TEST;
        private RepeatPolicy repeatPolicy = RepeatPolicy.SEQUENCE;
        private boolean replayTiming;
        private Sleeper sleeper = Sleeper.system();
        private Function<String, String> recordCommand = Settings::defaultRecordCommand;
        private long maxDrainBytes = 16L * 1024 * 1024;
        private java.time.Duration awaitRecordings = java.time.Duration.ofSeconds(30);
        private boolean replayCache = true;
        private RecordingStore store;

        private Builder() {}

        /** Keep recordings in {@code store} (e.g. an in-memory one, in tests), not below a folder; its namespace wins. */
        public Builder recordingStore(RecordingStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The root recordings folder; the harness uses its {@code <namespace>} subfolder. Required unless a store is given. */
        public Builder recordingsDirectory(Path directory) {
            this.recordingsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The subfolder for this provider or API, e.g. {@code bedrock}. Default {@code default}. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /** An explicit mode: wins over configuration and environment. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Where {@value Mode#CONFIG_KEY} is looked up. Default: system properties. */
        public Builder configuration(ConfigurationSource configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /** Where {@value Mode#ENV_VAR} is looked up. Default: the process environment. */
        public Builder environment(ConfigurationSource environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Whether new recordings belong to a test or are shared. Default {@link RecordingScope#TEST}. */
        public Builder scope(RecordingScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** What replay does when a test repeats a request more often than recorded. Default {@link RepeatPolicy#SEQUENCE}. */
        public Builder repeatPolicy(RepeatPolicy repeatPolicy) {
            this.repeatPolicy = Objects.requireNonNull(repeatPolicy, "repeatPolicy");
            return this;
        }

        /** Wait the recorded offsets between chunks when replaying. Off by default. */
        public Builder replayTiming(boolean replayTiming) {
            this.replayTiming = replayTiming;
            return this;
        }

        /** How replayed timing waits. Default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The command a replay miss tells the user to run, given the test id (which may be {@code null}). */
        public Builder recordCommand(Function<String, String> recordCommand) {
            this.recordCommand = Objects.requireNonNull(recordCommand, "recordCommand");
            return this;
        }

        /** When a caller closes a body early while recording, read at most this much more to finish the recording. */
        public Builder maxDrainBytes(long maxDrainBytes) {
            this.maxDrainBytes = maxDrainBytes;
            return this;
        }

        /**
         * How long {@link HarnessSession#close()} waits for response bodies still streaming (or being
         * drained after an early close) before it writes what it has. Default 30 seconds.
         */
        public Builder awaitRecordings(java.time.Duration awaitRecordings) {
            this.awaitRecordings = Objects.requireNonNull(awaitRecordings, "awaitRecordings");
            return this;
        }

        /**
         * Whether replay keeps parsed, verified recordings in memory (one cache per JVM, shared by every
         * harness, bounded to 32 MiB of response bytes), so a recording replayed again is not read,
         * parsed and re-keyed again. Every use still checks the file with one {@code stat}: a file
         * re-recorded, edited, renamed or deleted since is read afresh, and a damaged file fails as it
         * would uncached. See "Replay cache" in docs/recording-format.md. Default on.
         */
        public Builder replayCache(boolean replayCache) {
            this.replayCache = replayCache;
            return this;
        }

        /**
         * Builds the harness, resolving the mode.
         *
         * @throws HarnessConfigurationException for an invalid mode or namespace, or a recordings directory
         *     that does not exist or cannot be written in a mode that records
         */
        public Harness build() {
            if (store != null) {
                namespace = store.namespace();
            } else if (recordingsDirectory == null) {
                throw new HarnessConfigurationException("No recordings directory set. Call recordingsDirectory(Path).");
            }
            Settings.checkNamespace(namespace);
            Mode resolved = Mode.resolve(Optional.ofNullable(mode), configuration, environment);
            if (store == null && (resolved == Mode.RECORD || resolved == Mode.RECORD_IF_MISSING)) {
                FileRecordingStore.requireWritable(recordingsDirectory, resolved.toString());
            }
            RecordingStore recordings = store != null
                    ? store
                    : new FileRecordingStore(
                            recordingsDirectory, namespace, replayCache ? RecordingCache.shared() : null);
            return new Harness(new Settings(
                    recordings,
                    namespace,
                    resolved,
                    scope,
                    repeatPolicy,
                    List.copyOf(requestNormalizers),
                    List.copyOf(responseNormalizers),
                    Set.copyOf(requestHeaders),
                    Set.copyOf(responseHeaders),
                    List.copyOf(secrets),
                    Optional.ofNullable(source),
                    recordTiming,
                    replayTiming,
                    sleeper,
                    recordCommand,
                    maxDrainBytes,
                    awaitRecordings));
        }
    }
}
