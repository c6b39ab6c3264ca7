package dev.replayharness.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Mode;
import dev.replayharness.core.config.HarnessConfigurationException;

@DisplayName("The run configuration")
class RunConfigurationTest {
    @TempDir
    Path tree;

    RunConfiguration load(Map<String, String> parameters, Map<String, String> environment, Path workingDirectory) {
        return RunConfiguration.load(
                ConfigurationSource.of(parameters), ConfigurationSource.of(environment), workingDirectory);
    }

    @Nested
    @DisplayName("without any parameter")
    class Defaults {
        @Test
        @DisplayName("replays, keeps nothing of failed tests, and writes the report to target/harness-report.json")
        void defaults() {
            RunConfiguration configuration = load(Map.of(), Map.of(), tree);
            assertThat(configuration.mode()).isEqualTo(Mode.REPLAY);
            assertThat(configuration.saveOnFailure()).isFalse();
            assertThat(configuration.recordTiming()).isFalse();
            assertThat(configuration.replayTiming()).isFalse();
            assertThat(configuration.source()).isEmpty();
            assertThat(configuration.reportFile()).isEqualTo(tree.resolve("target/harness-report.json"));
        }

        @Test
        @DisplayName("takes the mode from HARNESS_MODE, but a parameter wins")
        void modeFromEnvironment() {
            assertThat(load(Map.of(), Map.of("HARNESS_MODE", "record"), tree).mode())
                    .isEqualTo(Mode.RECORD);
            assertThat(load(Map.of("harness.mode", "live"), Map.of("HARNESS_MODE", "record"), tree)
                            .mode())
                    .isEqualTo(Mode.LIVE);
        }

        @Test
        @DisplayName(
                "registers the values of AWS_BEARER_TOKEN_BEDROCK, OPENAI_API_KEY and ANTHROPIC_API_KEY as secrets")
        void secrets() {
            RunConfiguration configuration = load(
                    Map.of(),
                    Map.of(
                            "OPENAI_API_KEY",
                            "sk-openai-123456",
                            "ANTHROPIC_API_KEY",
                            " ",
                            "UNRELATED",
                            "not-a-secret-value"),
                    tree);
            assertThat(configuration.secrets()).containsExactly("sk-openai-123456");
            assertThat(configuration.toString())
                    .doesNotContain("sk-openai-123456")
                    .contains("secrets=1 values");
        }
    }

    @Nested
    @DisplayName("the default recordings directory")
    class RecordingsDirectory {
        @Test
        @DisplayName("is recordings/ at the repository root (the nearest directory with .git) when none exists yet")
        void repositoryRoot() throws Exception {
            Files.createDirectories(tree.resolve(".git"));
            Path module = Files.createDirectories(tree.resolve("providers/bedrock"));
            RunConfiguration configuration = load(Map.of(), Map.of(), module);
            assertThat(configuration.recordingsDirectory()).isEqualTo(tree.resolve("recordings"));
            assertThat(configuration.recordingsDirectoryDefaulted()).isTrue();
        }

        @Test
        @DisplayName("is the nearest existing recordings/ folder, even below the repository root")
        void nearestRecordingsFolder() throws Exception {
            Files.createDirectories(tree.resolve(".git"));
            Files.createDirectories(tree.resolve("providers/recordings"));
            Path module = Files.createDirectories(tree.resolve("providers/bedrock"));
            assertThat(load(Map.of(), Map.of(), module).recordingsDirectory())
                    .isEqualTo(tree.resolve("providers/recordings"));
        }

        @Test
        @DisplayName("is replaced by harness.recordings-dir, resolved against the working directory")
        void configured() {
            RunConfiguration configuration =
                    load(Map.of("harness.recordings-dir", "../shared/recordings"), Map.of(), tree.resolve("module"));
            assertThat(configuration.recordingsDirectory()).isEqualTo(tree.resolve("shared/recordings"));
            assertThat(configuration.recordingsDirectoryDefaulted()).isFalse();
        }
    }

    @Nested
    @DisplayName("values")
    class Values {
        @Test
        @DisplayName("booleans are true or false in any case; blank means unset")
        void booleans() {
            assertThat(load(
                            Map.of(
                                    "harness.save-on-failure",
                                    " TRUE ",
                                    "harness.record-timing",
                                    "true",
                                    "harness.replay-timing",
                                    ""),
                            Map.of(),
                            tree))
                    .extracting(
                            RunConfiguration::saveOnFailure,
                            RunConfiguration::recordTiming,
                            RunConfiguration::replayTiming)
                    .containsExactly(true, true, false);
        }

        @Test
        @DisplayName("an invalid boolean names key, value and the allowed values")
        void invalidBoolean() {
            assertThatThrownBy(() -> load(Map.of("harness.replay-timing", "1"), Map.of(), tree))
                    .isInstanceOf(HarnessConfigurationException.class)
                    .hasMessage("Invalid value '1' for configuration parameter harness.replay-timing. Allowed values: "
                            + "true, false. Fix the value or remove it to use the default (false).");
        }

        @Test
        @DisplayName("harness.secret-env-vars replaces the default list; empty registers no secret")
        void secretVariables() {
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-openai-123456", "MY_TOKEN", "token-abcdefgh");
            assertThat(load(Map.of("harness.secret-env-vars", " MY_TOKEN ,"), env, tree)
                            .secrets())
                    .containsExactly("token-abcdefgh");
            assertThat(load(Map.of("harness.secret-env-vars", ""), env, tree).secrets())
                    .isEmpty();
        }

        @Test
        @DisplayName("harness.source and harness.report-file are taken as given")
        void sourceAndReport() {
            RunConfiguration configuration = load(
                    Map.of("harness.source", "staging", "harness.report-file", "build/report.json"), Map.of(), tree);
            assertThat(configuration.source()).isEqualTo(Optional.of("staging"));
            assertThat(configuration.reportFile()).isEqualTo(tree.resolve("build/report.json"));
        }
    }
}
