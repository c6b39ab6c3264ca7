package dev.replayharness.suites;

import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs only the suite named by {@code -Dsuite=NAME}, and fails the run at once, listing the valid
 * names, when that suite or the {@code -Dsetup=NAME} setup does not exist. Registered through
 * {@code META-INF/services} for the launcher of this module's tests.
 */
public final class SuiteSelection implements PostDiscoveryFilter, LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        check(
                SuiteNames.SUITE_KEY,
                "suite",
                SuiteNames.suites(),
                "a @Suite class in suites/src/test/java/dev/replayharness/suites");
        check(SuiteNames.SETUP_KEY, "setup", SuiteNames.setups(), "a file in suites/setups/");
    }

    private static void check(String key, String what, List<String> valid, String declaredAs) {
        String requested = System.getProperty(key);
        if (requested != null && !requested.isBlank() && !valid.contains(requested)) {
            throw new IllegalArgumentException("Unknown " + what + " '" + requested + "' (-D" + key + "). Valid " + what
                    + "s: " + String.join(", ", valid) + ". Each is declared once, as " + declaredAs + ".");
        }
    }

    /** The launcher filters tests (containers left empty are pruned), so each test is judged by its enclosing suite. */
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        String requested = System.getProperty(SuiteNames.SUITE_KEY);
        Optional<String> suite = enclosingSuite(descriptor);
        if (requested == null || requested.isBlank() || suite.isEmpty()) {
            return FilterResult.included("not in one of our suites, or no suite requested");
        }
        return suite.get().equals(requested)
                ? FilterResult.included("suite " + requested + " was requested")
                : FilterResult.excluded("suite " + suite.get() + " was not requested (-Dsuite=" + requested + ")");
    }

    private static Optional<String> enclosingSuite(TestDescriptor descriptor) {
        for (Optional<TestDescriptor> d = Optional.of(descriptor);
                d.isPresent();
                d = d.get().getParent()) {
            Optional<String> name = d.get()
                    .getSource()
                    .filter(ClassSource.class::isInstance)
                    .flatMap(source -> SuiteNames.nameOf(((ClassSource) source).getJavaClass()));
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }
}
