package dev.replayharness.junit.internal;

import java.lang.reflect.AnnotatedElement;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.junit.HarnessCustomizer;
import dev.replayharness.junit.Recorded;

/** What one test asks of its harness: from {@code @Recorded} or a registered extension. */
public record TestSettings(
        String namespace,
        Optional<Mode> mode,
        RecordingScope scope,
        RepeatPolicy repeatPolicy,
        HarnessCustomizer customizer,
        boolean strict) {

    /** The settings of a test that has neither annotation nor registered settings. */
    public static final TestSettings DEFAULTS = new TestSettings(
            "default",
            Optional.empty(),
            RecordingScope.TEST,
            RepeatPolicy.SEQUENCE,
            new HarnessCustomizer.None(),
            false);

    public TestSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(repeatPolicy, "repeatPolicy");
        Objects.requireNonNull(customizer, "customizer");
    }

    /**
     * The settings for the test of {@code context}: {@code @Recorded} on the method, else the registered
     * extension's settings, else {@code @Recorded} on the nearest class (the test class and its
     * superclasses, then the classes enclosing a {@code @Nested} class), else {@link #DEFAULTS}.
     */
    public static TestSettings of(ExtensionContext context, Optional<TestSettings> registered) {
        Optional<Recorded> onMethod = context.getTestMethod().flatMap(TestSettings::find);
        if (onMethod.isPresent()) {
            return from(onMethod.get(), context.getRequiredTestMethod());
        }
        if (registered.isPresent()) {
            return registered.get();
        }
        // Walks the context chain rather than the class's enclosing classes: a @Nested class's parent
        // context is the context of its enclosing test class.
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> type = c.getElement().filter(Class.class::isInstance);
            Optional<Recorded> found = type.flatMap(TestSettings::find);
            if (found.isPresent()) {
                return from(found.get(), type.get());
            }
        }
        return DEFAULTS;
    }

    private static Optional<Recorded> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Recorded.class);
    }

    private static TestSettings from(Recorded recorded, AnnotatedElement where) {
        return new TestSettings(
                recorded.namespace(),
                recorded.mode().mode(),
                recorded.scope(),
                recorded.repeatPolicy(),
                instantiate(recorded.normalization(), where),
                recorded.strict());
    }

    private static HarnessCustomizer instantiate(Class<? extends HarnessCustomizer> type, AnnotatedElement where) {
        try {
            return ReflectionSupport.newInstance(type);
        } catch (Exception e) { // newInstance rethrows checked exceptions, e.g. NoSuchMethodException, unchecked
            throw new HarnessConfigurationException(
                    "Cannot create " + type.getName() + ", named by @Recorded(normalization = "
                            + type.getSimpleName() + ".class) on " + where + ": " + e
                            + ". Give it a no-argument constructor and make it a top-level or static nested class.",
                    e);
        }
    }
}
