package dev.replayharness.junit.internal;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.AssertionFailedError;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.config.HarnessConfigurationException;
import dev.replayharness.junit.HttpClientWiring;

/**
 * One test invocation's session and the clients made for it. Lives in the invocation's store: started
 * before each test, finished after it, and closed by JUnit as a safety net.
 */
public final class ActiveTest implements Stores.Closeable {
    private final String testId;
    private final HarnessSession session;
    private final RunConfiguration configuration;
    private final RunReport report;
    private final boolean strict;
    private final java.nio.file.Path namespaceDirectory;
    private boolean finished;

    private ActiveTest(
            String testId, HarnessSession session, RunConfiguration configuration, RunReport report, boolean strict) {
        this.testId = testId;
        this.session = session;
        this.configuration = configuration;
        this.report = report;
        this.strict = strict;
        this.namespaceDirectory = configuration.recordingsDirectory().resolve(session.namespace());
    }

    /** Opens the session of the test of {@code context}. */
    public static void start(ExtensionContext context, TestSettings settings) {
        Store store = Stores.of(context);
        if (store.get(ActiveTest.class) != null) {
            throw new HarnessConfigurationException("RecordReplayExtension is registered twice for "
                    + context.getUniqueId() + " (for instance through @Recorded and @RegisterExtension). Keep one.");
        }
        RunConfiguration configuration = RunState.configuration(context);
        RunReport report = RunState.report(context);
        String testId = TestIds.of(context);
        HarnessSession session = HarnessFactory.build(
                        configuration,
                        settings,
                        context.getRequiredTestClass(),
                        context.getRequiredTestMethod().getName())
                .session(testId);
        ActiveTest test =
                new ActiveTest(testId, session, configuration, report, settings.strict() || configuration.strict());
        store.put(ActiveTest.class, test);
        try {
            AnnotatedFaults.declare(context, session);
        } catch (RuntimeException e) {
            test.finish(true);
            throw e;
        }
    }

    /**
     * Drops a failed (or aborted) test's new recordings unless they are to be saved, writes the rest,
     * and adds the test to the run report. Fails the test when a fault matched none of its exchanges or, strict,
     * when it left a recording it owns unused or a fault unfired; adds the seeds of its probabilistic faults to
     * a failure.
     */
    public static void finish(ExtensionContext context) {
        ActiveTest test = Stores.of(context).get(ActiveTest.class, ActiveTest.class);
        if (test == null) {
            return;
        }
        Optional<Throwable> failure = context.getExecutionException();
        Optional<AssertionFailedError> undone =
                StrictCheck.check(test.testId, test.session, test.strict, test.namespaceDirectory);
        test.finish((failure.isPresent() || undone.isPresent()) && !test.configuration.saveOnFailure());
        failure.ifPresent(f -> FaultSeeds.attach(f, test.session));
        if (undone.isPresent() && failure.isEmpty()) {
            throw undone.get();
        }
    }

    /** The value of a parameter of one of the injected types. */
    public static Object parameter(ExtensionContext context, Class<?> type) {
        ActiveTest test = Stores.of(context).get(ActiveTest.class, ActiveTest.class);
        if (test == null) {
            throw new ParameterResolutionException("Replay Harness injects " + type.getName()
                    + " into test methods and their @BeforeEach and @AfterEach methods, one per test invocation; "
                    + context.getElement().map(Object::toString).orElse(context.getUniqueId())
                    + " is not one of them. Take it as a parameter of the test method instead.");
        }
        if (type == HarnessSession.class) {
            return test.session;
        }
        if (type == HttpClientWiring.class) {
            return new HttpClientWiring(test.session);
        }
        return Stores.computeIfAbsent(
                        Stores.of(context),
                        type,
                        t -> InjectedClients.open(t, test.session, context),
                        Stores.Closing.class)
                .value();
    }

    public static boolean injects(Class<?> type) {
        return InjectedClients.injects(type);
    }

    private synchronized void finish(boolean discard) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (discard) {
                session.discard();
            }
            session.close();
        } finally {
            report.add(new TestEntry(testId, session.namespace(), session.mode(), session.uses()));
        }
    }

    /** Reached only if the after-each callback was not: keep nothing of a test whose outcome is unknown. */
    @Override
    public void close() {
        finish(true);
    }
}
