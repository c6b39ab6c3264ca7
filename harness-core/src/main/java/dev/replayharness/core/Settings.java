package dev.replayharness.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.core.key.NormalizerRule;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.core.replay.Sleeper;
import dev.replayharness.core.store.RecordingStore;

/** Everything a {@code Harness} was built with; {@code store} holds its namespace's recordings. */
record Settings(
        RecordingStore store,
        String namespace,
        Mode mode,
        RecordingScope scope,
        RepeatPolicy repeatPolicy,
        List<NormalizerRule> requestNormalizers,
        List<ResponseNormalizer> responseNormalizers,
        Set<String> requestHeaders,
        Set<String> responseHeaders,
        List<String> secrets,
        Optional<String> source,
        boolean recordTiming,
        boolean replayTiming,
        Sleeper sleeper,
        Function<String, String> recordCommand,
        long maxDrainBytes,
        java.time.Duration awaitRecordings) {

    public static final Set<String> DEFAULT_REQUEST_HEADERS = Set.of("content-type", "accept");
    public static final Set<String> DEFAULT_RESPONSE_HEADERS = Set.of(
            "content-type",
            "content-encoding",
            "location",
            "retry-after",
            "x-amzn-requestid",
            "x-request-id",
            "x-amzn-errortype");
    /** Response headers whose value changes every call: recorded as the stable id of the key. */
    public static final Set<String> REQUEST_ID_HEADERS = Set.of("x-amzn-requestid", "x-request-id");

    /** What recording a response reads. */
    public RecordingAssembler.Rules responseRules() {
        return new RecordingAssembler.Rules(responseHeaders, responseNormalizers, recordTiming, maxDrainBytes);
    }

    public Path namespaceDirectory() {
        return store.location();
    }

    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * Checks a namespace: it names a folder.
     *
     * @throws HarnessConfigurationException naming the namespace and what it may hold
     */
    public static void checkNamespace(String namespace) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new HarnessConfigurationException("Invalid namespace '" + namespace
                    + "': use letters, digits, '.', '_' and '-', starting with a letter or digit (it names a folder).");
        }
    }

    /** Names no secret value, unlike the record's own toString: a Settings may reach a log or a debugger. */
    @Override
    public String toString() {
        return "Settings[namespace=" + namespace + ", mode=" + mode + ", scope=" + scope + ", store=" + store
                + ", secrets=" + secrets.size() + " values, source=" + source.orElse("(default)") + "]";
    }

    public static String defaultRecordCommand(String testId) {
        return "run the test again with -D" + Mode.CONFIG_KEY + "=" + Mode.RECORD_IF_MISSING.value() + " (or "
                + Mode.ENV_VAR + "=" + Mode.RECORD_IF_MISSING.value() + ") and a live upstream";
    }
}
