package dev.replayharness.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

@DisplayName("Architecture")
class ArchitectureTest {
    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.replayharness.core");

    @Test
    @DisplayName("only the apache package touches Apache HttpClient (it is an optional dependency)")
    void apacheStaysInItsPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.replayharness.core.apache..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.hc..")
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName("the engine knows no test framework")
    void noJUnit() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.junit..")
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName("adapters use the engine's public SPI, not each other")
    void adaptersIndependent() {
        noClasses()
                .that()
                .resideInAPackage("dev.replayharness.core.jdk..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.replayharness.core.apache..")
                .check(CORE_CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.replayharness.core.apache..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.replayharness.core.jdk..")
                .check(CORE_CLASSES);
    }

    private static final String CORE = "dev.replayharness.core";

    @Test
    @DisplayName("the core packages import each other without a cycle")
    void packagesFreeOfCycles() {
        slices().matching("dev.replayharness.core.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName("the engine package itself is in no cycle with the packages below it")
    void enginePackageFreeOfCycles() {
        // "core.(*).." leaves out the classes directly in dev.replayharness.core, so the engine gets a slice of its own
        // here (its helpers are package-private classes of that package).
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String p = c.getPackageName();
                        if (p.equals(CORE)) {
                            return SliceIdentifier.of("engine");
                        }
                        return p.startsWith(CORE + ".")
                                ? SliceIdentifier.of(
                                        p.substring(CORE.length() + 1).split("\\.")[0])
                                : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "core packages, the engine (dev.replayharness.core) as one";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(CORE_CLASSES);
    }

    private static final String[] ADAPTERS = {CORE + ".jdk..", CORE + ".apache.."};

    @Test
    @DisplayName("the JSON helpers are a leaf: they import no package of the harness")
    void jsonIsALeaf() {
        classes()
                .that()
                .resideInAPackage(CORE + ".json..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(CORE + ".json..", "java..", "tools.jackson..", "org.erdtman..")
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName("the spine points one way: recording knows no key, store, engine or adapter; key no store, engine or"
            + " adapter; store no engine or adapter")
    void spineIsOneWay() {
        noClasses()
                .that()
                .resideInAPackage(CORE + ".recording..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        CORE + ".key..", CORE + ".store..", CORE + ".normalize..", CORE + ".jdk..", CORE + ".apache..")
                .check(CORE_CLASSES);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".key..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".store..", CORE + ".jdk..", CORE + ".apache..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".HarnessSession")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".Harness")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".Exchange")
                .check(CORE_CLASSES);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".jdk..", CORE + ".apache..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".HarnessSession")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".Harness")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".Exchange")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".MissReport")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(CORE + ".RecordingAssembler")
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName(
            "adapters use only the engine's SPI: no store, key or recording type (the engine's helpers are package-private)")
    void adaptersUseTheSpi() {
        noClasses()
                .that()
                .resideInAnyPackage(ADAPTERS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".store..", CORE + ".key..", CORE + ".recording..")
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName("only the store touches recording files (java.nio.file.Files)")
    void onlyTheStoreTouchesFiles() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CORE + ".store..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.nio.file.Files")
                .check(CORE_CLASSES);
    }

    @Test
    @DisplayName("the spine's layers point one way: json ← values (http, config) ← recording ← codec, redact ← replay ←"
            + " key, normalize ← store, fault ← engine ← adapters")
    void layers() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("json")
                .definedBy(CORE + ".json..")
                .layer("values")
                .definedBy(CORE + ".http..", CORE + ".config..")
                .layer("recording")
                .definedBy(CORE + ".recording..")
                .layer("codec")
                .definedBy(CORE + ".codec..", CORE + ".redact..")
                .layer("replayed")
                .definedBy(CORE + ".replay..")
                .layer("key")
                .definedBy(CORE + ".key..", CORE + ".normalize..")
                .layer("store")
                .definedBy(CORE + ".store..")
                .layer("fault")
                .definedBy(CORE + ".fault..")
                .layer("engine")
                .definedBy(DescribedPredicate.describe(
                        "the engine: dev.replayharness.core",
                        (JavaClass c) -> c.getPackageName().equals(CORE)))
                .layer("adapters")
                .definedBy(ADAPTERS)
                .whereLayer("adapters")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("engine")
                .mayOnlyBeAccessedByLayers("adapters")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("engine", "adapters")
                .whereLayer("fault")
                .mayOnlyBeAccessedByLayers("engine", "adapters")
                .whereLayer("key")
                .mayOnlyBeAccessedByLayers("store", "engine", "adapters")
                .whereLayer("replayed")
                .mayOnlyBeAccessedByLayers("key", "store", "fault", "engine", "adapters")
                .whereLayer("codec")
                .mayOnlyBeAccessedByLayers("replayed", "key", "store", "engine", "adapters")
                .whereLayer("recording")
                .mayOnlyBeAccessedByLayers("codec", "replayed", "key", "store", "engine", "adapters")
                .whereLayer("values")
                .mayOnlyBeAccessedByLayers(
                        "recording", "codec", "replayed", "key", "store", "fault", "engine", "adapters")
                .check(CORE_CLASSES);
    }
}
