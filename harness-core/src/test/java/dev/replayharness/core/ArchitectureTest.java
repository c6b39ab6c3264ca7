package dev.replayharness.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

@DisplayName("Architecture")
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.replayharness.core");

    @Test
    @DisplayName("only the apache package touches Apache HttpClient (it is an optional dependency)")
    void apacheStaysInItsPackage() {
        noClasses().that().resideOutsideOfPackage("dev.replayharness.core.apache..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.hc..")
                .check(CORE);
    }

    @Test
    @DisplayName("the engine knows no test framework")
    void noJUnit() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.junit..").check(CORE);
    }

    @Test
    @DisplayName("adapters use the engine's public SPI, not each other")
    void adaptersIndependent() {
        noClasses().that().resideInAPackage("dev.replayharness.core.jdk..")
                .should().dependOnClassesThat().resideInAPackage("dev.replayharness.core.apache..").check(CORE);
        noClasses().that().resideInAPackage("dev.replayharness.core.apache..")
                .should().dependOnClassesThat().resideInAPackage("dev.replayharness.core.jdk..").check(CORE);
    }
}
