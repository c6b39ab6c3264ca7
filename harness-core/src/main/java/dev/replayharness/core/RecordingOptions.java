package dev.replayharness.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.replayharness.core.key.NormalizerRule;
import dev.replayharness.core.normalize.RequestNormalizer;
import dev.replayharness.core.normalize.ResponseNormalizer;

/**
 * The half of {@link Harness.Builder} that says what a recording keeps and how a request is keyed:
 * request and response normalizers, the headers recorded, the secrets redacted, the source named and
 * whether event timing is recorded. Not API on its own: use it through {@link Harness#builder()}. The
 * setters return {@link Harness.Builder} itself (not a type variable), so they keep the signatures they
 * had when they were declared there.
 */
abstract class RecordingOptions {
    final List<NormalizerRule> requestNormalizers = new ArrayList<>();
    final List<ResponseNormalizer> responseNormalizers = new ArrayList<>();
    final Set<String> requestHeaders = new LinkedHashSet<>(Settings.DEFAULT_REQUEST_HEADERS);
    final Set<String> responseHeaders = new LinkedHashSet<>(Settings.DEFAULT_RESPONSE_HEADERS);
    final List<String> secrets = new ArrayList<>();
    String source;
    boolean recordTiming;

    RecordingOptions() {}

    private Harness.Builder self() {
        return (Harness.Builder) this; // the only subclass
    }

    /** A request normalizer for every endpoint. */
    public Harness.Builder requestNormalizer(RequestNormalizer normalizer) {
        return requestNormalizer(null, "*", normalizer);
    }

    /**
     * A request normalizer for one endpoint.
     *
     * @param method the method it applies to, or {@code null} for any
     * @param pathGlob the paths it applies to; {@code *} matches any run of characters
     */
    public Harness.Builder requestNormalizer(String method, String pathGlob, RequestNormalizer normalizer) {
        requestNormalizers.add(new NormalizerRule(
                method == null ? null : method.toUpperCase(Locale.ROOT),
                NormalizerRule.glob(pathGlob),
                Objects.requireNonNull(normalizer, "normalizer")));
        return self();
    }

    /** A response normalizer, applied in the order added. */
    public Harness.Builder responseNormalizer(ResponseNormalizer normalizer) {
        responseNormalizers.add(Objects.requireNonNull(normalizer, "normalizer"));
        return self();
    }

    /** Adds request headers to record (beyond content-type and accept). Credential headers are never recorded. */
    public Harness.Builder recordRequestHeaders(String... names) {
        for (String name : names) {
            requestHeaders.add(name.toLowerCase(Locale.ROOT));
        }
        return self();
    }

    /** Adds response headers to record. Credential headers are never recorded. */
    public Harness.Builder recordResponseHeaders(String... names) {
        for (String name : names) {
            responseHeaders.add(name.toLowerCase(Locale.ROOT));
        }
        return self();
    }

    /** A secret value (a token read from the environment, say) to redact wherever it appears. */
    public Harness.Builder secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
        return self();
    }

    /**
     * What new recordings name as their source. Default: {@code emulator} when the upstream is on a
     * loopback address, else {@code live}.
     */
    public Harness.Builder source(String source) {
        this.source = source;
        return self();
    }

    /** Record each server-sent event's offset in milliseconds. Off by default: timings change every run. */
    public Harness.Builder recordTiming(boolean recordTiming) {
        this.recordTiming = recordTiming;
        return self();
    }
}
