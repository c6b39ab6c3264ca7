package dev.replayharness.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The run id (harness.run-id)")
class RunIdTest {
    /** A Surefire 3.5.4 fork's command line (sun.java.command), as one printed it. */
    static final String FORK = "/tmp/p/target/surefire/surefirebooter-20261201172300931_6.jar /tmp/p/target/surefire"
            + " 2026-12-01T17-23-00_004-jvmRun2 surefire-20261201172300931_2tmp surefire_0-20261201172300931_3tmp";

    @Nested
    @DisplayName("by default (auto)")
    class Auto {
        @Test
        @DisplayName("is the Surefire execution's startup time in a fork, the same in each of its forks")
        void surefireFork() {
            assertThat(RunId.resolve(Optional.empty(), FORK)).contains("surefire-2026-12-01T17-23-00_004");
            assertThat(RunId.resolve(Optional.of("auto"), FORK.replace("jvmRun2", "jvmRun7")))
                    .contains("surefire-2026-12-01T17-23-00_004");
        }

        @Test
        @DisplayName("is none in any other JVM (an IDE, a plain java command): the run stands alone")
        void otherJvm() {
            assertThat(RunId.resolve(Optional.empty(), "com.intellij.rt.junit.JUnitStarter -ideVersion5 x.FooTest"))
                    .isEmpty();
            assertThat(RunId.resolve(Optional.empty(), null)).isEmpty();
        }
    }

    @Test
    @DisplayName("none makes every run stand alone, even in a fork")
    void none() {
        assertThat(RunId.resolve(Optional.of("none"), FORK)).isEmpty();
    }

    @Test
    @DisplayName("any other value is the id itself (a CI job id, say)")
    void explicit() {
        assertThat(RunId.resolve(Optional.of("ci-4711"), FORK)).contains("ci-4711");
    }
}
