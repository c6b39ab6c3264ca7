package dev.replayharness.junit.internal;

import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.replayharness.core.Mode;

/**
 * The command a replay miss tells the user to run:
 * {@code mvn -pl <module> test -Dtest='<Class>#<method>' -Dharness.mode=record-if-missing}.
 *
 * @param module the Maven module of the working directory, relative to the reactor root; empty omits {@code -pl}
 */
record RecordCommand(Optional<String> module) {

    String forTest(Class<?> testClass, String methodName) {
        return "mvn " + module.map(m -> "-pl " + m + " ").orElse("") + "test -Dtest='" + surefireClassName(testClass)
                + "#" + methodName + "' -D" + Mode.CONFIG_KEY + "=" + Mode.RECORD_IF_MISSING.value();
    }

    /**
     * Surefire selects a {@code @Nested} class through its outermost test class, so that one is named; a
     * test class that is merely nested (static) is named with its binary name within its package.
     */
    static String surefireClassName(Class<?> testClass) {
        Class<?> top = testClass;
        while (top.getEnclosingClass() != null && AnnotationSupport.isAnnotated(top, Nested.class)) {
            top = top.getEnclosingClass();
        }
        String packageName = top.getPackageName();
        return packageName.isEmpty() ? top.getName() : top.getName().substring(packageName.length() + 1);
    }
}
