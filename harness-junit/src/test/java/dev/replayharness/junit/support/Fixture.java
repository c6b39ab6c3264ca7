package dev.replayharness.junit.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a fixture: a test class that specification tests run through {@link FixtureRun}, never on its
 * own. Fixtures are static nested classes, which Surefire does not discover (its default excludes
 * {@code **}{@code /*$*}); the condition keeps an IDE that does find them from running them without
 * their loopback server and configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("fixture")
@ExtendWith(Fixture.OnlyThroughFixtureRun.class)
public @interface Fixture {

    /** Enables fixtures only when the configuration parameter {@value FixtureRun#ENABLED} is {@code true}. */
    final class OnlyThroughFixtureRun implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FixtureRun.ENABLED)
                            .filter("true"::equals)
                            .isPresent()
                    ? ConditionEvaluationResult.enabled("run through FixtureRun")
                    : ConditionEvaluationResult.disabled("a fixture, run only through FixtureRun");
        }
    }
}
