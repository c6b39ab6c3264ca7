package dev.replayharness.setups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Setups: suites/setups/<name>.properties, found from any module directory")
class SetupTest {
    @TempDir
    Path repository;

    Path module;
    Path setups;

    @BeforeEach
    void layout() throws Exception {
        setups = Files.createDirectories(repository.resolve("suites").resolve("setups"));
        module = Files.createDirectories(repository.resolve("some-module"));
        Files.writeString(
                setups.resolve("local.properties"), "description=A local server\nendpoint=loopback\nmodel= m1 \n");
        Files.writeString(setups.resolve("aws.properties"), "description=The real thing\nendpoint=cloud\n");
    }

    @Test
    @DisplayName("loads a setup from a module directory below the repository root")
    void loads() {
        Setup setup = Setup.load("local", module);
        assertThat(setup.name()).isEqualTo("local");
        assertThat(setup.description()).isEqualTo("A local server");
        assertThat(setup.require("model")).isEqualTo("m1");
        assertThat(setup.require("endpoint", List.of("loopback", "url"))).isEqualTo("loopback");
        assertThat(setup.repositoryRoot()).isEqualTo(repository.toAbsolutePath());
        assertThat(setup.path("model")).isEqualTo(repository.toAbsolutePath().resolve("m1"));
    }

    @Test
    @DisplayName("an unknown name fails and lists the valid ones")
    void unknown() {
        assertThatThrownBy(() -> Setup.load("lcoal", module))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "Unknown setup 'lcoal' (from -Dsetup or the suite). Valid setups: aws, local (each declared as a file in "
                                + setups.toAbsolutePath() + ").");
    }

    @Test
    @DisplayName("a missing or disallowed value names the file, the key and the fix")
    void badValues() {
        Setup aws = Setup.load("aws", module);
        assertThatThrownBy(() -> aws.require("model"))
                .hasMessage("Setup " + setups.toAbsolutePath().resolve("aws.properties")
                        + " has no 'model'. Add it to the file.");
        assertThatThrownBy(() -> aws.require("endpoint", List.of("loopback", "url")))
                .hasMessage("Setup " + setups.toAbsolutePath().resolve("aws.properties")
                        + ": endpoint is 'cloud'; allowed: loopback, url.");
    }

    @Test
    @DisplayName("outside a repository with suites/setups, says to run from inside one")
    void noRepository(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> Setup.load("local", elsewhere))
                .hasMessageContaining("No suites/setups folder in " + elsewhere.toAbsolutePath());
    }
}
