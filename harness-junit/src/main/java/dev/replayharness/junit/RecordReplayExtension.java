package dev.replayharness.junit;

import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.junit.internal.ActiveTest;
import dev.replayharness.junit.internal.TestSettings;

/**
 * The JUnit Jupiter extension behind {@link Recorded}: one harness session per test invocation, opened
 * before each test and closed after it (dropping a failed test's new recordings unless
 * {@value HarnessConfiguration#SAVE_ON_FAILURE} is set), and the HTTP clients listed on {@link Recorded}
 * as parameters. Usually registered through {@code @Recorded}; register it programmatically to set
 * the harness up in code:
 *
 * <pre>{@code
 * @RegisterExtension
 * static RecordReplayExtension harness = RecordReplayExtension.builder()
 *         .namespace("bedrock")
 *         .customizer(h -> h.responseNormalizer(ResponseNormalizer.openAiCompatible()))
 *         .build();
 * }</pre>
 *
 * <p>Do not combine that with {@code @Recorded} on the class: the test fails, naming both. State lives
 * in JUnit's extension store, never in this object, so one instance serves parallel tests.
 */
public final class RecordReplayExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Optional<TestSettings> registered;

    /** The extension as {@code @Recorded} registers it: settings come from the annotations. */
    public RecordReplayExtension() {
        this(Optional.empty());
    }

    private RecordReplayExtension(Optional<TestSettings> registered) {
        this.registered = registered;
    }

    /** Settings for programmatic registration; a {@code @Recorded} test method still overrides them. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ActiveTest.start(context, TestSettings.of(context, registered));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ActiveTest.finish(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ActiveTest.injects(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ActiveTest.parameter(
                extensionContext, parameterContext.getParameter().getType());
    }

    /** Settings of a programmatically registered extension; the defaults are those of {@link Recorded}. */
    public static final class Builder {
        private String namespace = "default";
        private Mode mode;
        private RecordingScope scope = RecordingScope.TEST;
        private RepeatPolicy repeatPolicy = RepeatPolicy.SEQUENCE;
        private HarnessCustomizer customizer = new HarnessCustomizer.None();
        private boolean strict;

        private Builder() {}

        /** The recordings folder within the recordings directory. Default {@code default}. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /** A fixed mode, ignoring the run's configuration. Default: the configured mode. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Whether new recordings belong to the test. Default {@link RecordingScope#TEST}. */
        public Builder scope(RecordingScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** What replay does when a request repeats more often than recorded. Default {@link RepeatPolicy#SEQUENCE}. */
        public Builder repeatPolicy(RepeatPolicy repeatPolicy) {
            this.repeatPolicy = Objects.requireNonNull(repeatPolicy, "repeatPolicy");
            return this;
        }

        /** Normalizers, secrets and headers for every test's harness. Called once per test invocation. */
        public Builder customizer(HarnessCustomizer customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** Fail a test that left a recording it owns unused, or a fault unfired. Default {@code false}. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public RecordReplayExtension build() {
            return new RecordReplayExtension(Optional.of(
                    new TestSettings(namespace, Optional.ofNullable(mode), scope, repeatPolicy, customizer, strict)));
        }
    }
}
