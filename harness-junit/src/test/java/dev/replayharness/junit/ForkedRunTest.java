package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.ForkMain;
import dev.replayharness.junit.support.Report;

/**
 * Real JVMs, started as Surefire starts forks with {@code forkCount=2} and {@code reuseForks=false}: two at a
 * time, one test class each, each with JUnit's parallel execution on, all writing one report file.
 */
@DisplayName("A run of several JVMs (Surefire forks)")
class ForkedRunTest {
    static final int TESTS_PER_CLASS = 40;
    static final String BUILD_1 = "2026-12-01T17-23-00_004";
    static final String BUILD_2 = "2026-12-01T18-40-12_517";

    @TempDir
    Path workspace;

    @Nested
    @DisplayName("ends with one report")
    class OneReport {
        @Test
        @DisplayName("holding every test of every fork, none lost to a concurrent write")
        void everyForksTests() throws Exception {
            Files.createDirectories(FixtureRun.recordings(workspace));
            List<Class<?>> classes = List.of(ForkA.class, ForkB.class, ForkC.class, ForkD.class);

            forks(BUILD_1, classes.subList(0, 2)); // forkCount=2: two at a time
            forks(BUILD_1, classes.subList(2, 4)); // reuseForks=false: new JVMs for the next classes

            List<String> ids = Report.testIds(workspace);
            assertThat(ids).hasSize(4 * TESTS_PER_CLASS).doesNotHaveDuplicates();
            for (Class<?> fixture : classes) {
                assertThat(ids.stream().filter(id -> id.contains(fixture.getSimpleName() + "#")))
                        .as(fixture.getSimpleName())
                        .hasSize(TESTS_PER_CLASS);
            }
            assertThat(ids).isSorted();
            assertThat(Report.read(workspace).get("runId").asString()).isEqualTo("surefire-" + BUILD_1);
        }

        @Test
        @DisplayName("of the latest build only: the next build's forks replace an earlier build's report")
        void latestBuildOnly() throws Exception {
            Files.createDirectories(FixtureRun.recordings(workspace));
            forks(BUILD_1, List.of(ForkA.class, ForkB.class));

            forks(BUILD_2, List.of(ForkC.class));

            assertThat(Report.testIds(workspace)).hasSize(TESTS_PER_CLASS).allMatch(id -> id.contains("ForkC#"));
        }
    }

    /** Starts one JVM per class at once, as one Surefire execution's forks, and waits for all. */
    void forks(String build, List<Class<?>> classes) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            Path log = workspace.resolve("fork-" + classes.get(i).getSimpleName() + ".log");
            logs.add(log);
            Path booter = workspace.resolve("target/surefire/surefirebooter-" + i + ".jar");
            processes.add(new ProcessBuilder(
                            java,
                            "-cp",
                            classpath,
                            ForkMain.class.getName(),
                            classes.get(i).getName(),
                            workspace.toString(),
                            booter.toString(),
                            booter.getParent().toString(),
                            build + "-jvmRun" + (i + 1))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            assertThat(process.exitValue())
                    .as("fork %s exited; its output:%n%s", classes.get(i).getSimpleName(), read(logs.get(i)))
                    .isZero();
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Fixture
    @Recorded(namespace = "forks")
    static class ForkA {
        @RepeatedTest(TESTS_PER_CLASS)
        void quiet() {}
    }

    @Fixture
    @Recorded(namespace = "forks")
    static class ForkB {
        @RepeatedTest(TESTS_PER_CLASS)
        void quiet() {}
    }

    @Fixture
    @Recorded(namespace = "forks")
    static class ForkC {
        @RepeatedTest(TESTS_PER_CLASS)
        void quiet() {}
    }

    @Fixture
    @Recorded(namespace = "forks")
    static class ForkD {
        @RepeatedTest(TESTS_PER_CLASS)
        void quiet() {}
    }
}
