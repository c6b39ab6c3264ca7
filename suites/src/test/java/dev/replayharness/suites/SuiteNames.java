package dev.replayharness.suites;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.setups.Setup;

/**
 * The suites and setups that exist. A suite is declared once, as a {@code @Suite} class in this
 * package whose {@code @SuiteDisplayName} is its name; a setup is a file {@code suites/setups/<name>.properties}.
 */
final class SuiteNames {
    /** System property (and JUnit configuration parameter) that names the suite to run: {@value}. */
    static final String SUITE_KEY = "suite";
    /** System property (and JUnit configuration parameter) that names the setup: {@value}. */
    static final String SETUP_KEY = Setup.KEY;
    /** Configuration parameter with which a suite names its default setup: {@value}. */
    static final String DEFAULT_SETUP_KEY = Setup.DEFAULT_KEY;

    private SuiteNames() {}

    /** The {@code @Suite} classes of this package. */
    static List<Class<?>> suiteClasses() {
        return ReflectionSupport.findAllClassesInPackage(
                SuiteNames.class.getPackageName(), c -> c.isAnnotationPresent(Suite.class), name -> true);
    }

    /** A suite class's name, or empty for a class that is not one of our suites. */
    static Optional<String> nameOf(Class<?> type) {
        if (!type.isAnnotationPresent(Suite.class)
                || !type.getPackageName().equals(SuiteNames.class.getPackageName())) {
            return Optional.empty();
        }
        SuiteDisplayName name = type.getAnnotation(SuiteDisplayName.class);
        return Optional.of(name == null ? type.getSimpleName() : name.value());
    }

    static List<String> suites() {
        return suiteClasses().stream()
                .map(c -> nameOf(c).orElseThrow())
                .sorted()
                .toList();
    }

    /** The setups declared in {@code suites/setups}, found from the working directory up. */
    static List<String> setups() {
        return Setup.names(Setup.setupsDirectory(Setup.repositoryRoot(Path.of(""))));
    }
}
