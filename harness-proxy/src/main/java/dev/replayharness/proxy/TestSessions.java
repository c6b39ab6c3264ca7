package dev.replayharness.proxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.RunReportWriter;

/**
 * The open sessions: one per test id sent in {@value ReplayProxy#TEST_HEADER}, and one shared session
 * for traffic without it. An exchange holds a lease on its session from before planning until its
 * response body has been written (or drained into the recording); ending a session waits for its
 * leases, so recordings of exchanges still streaming are written, not lost.
 */
final class TestSessions {
    /** A session and the exchanges using it. */
    static final class Lease {
        final HarnessSession session;
        private int active;

        private Lease(HarnessSession session) {
            this.session = session;
        }
    }

    private final Harness harness;
    private final Duration awaitExchanges;
    private final RunReportWriter report; // null: no run report
    private final Map<String, Lease> open = new HashMap<>();
    private Lease shared;
    private boolean closed;

    TestSessions(Harness harness, Duration awaitExchanges, RunReportWriter report) {
        this.harness = harness;
        this.awaitExchanges = awaitExchanges;
        this.report = report;
    }

    /** The session for {@code testId} ({@code null}: the shared one), opened on first use; call {@link #release} after. */
    synchronized Lease acquire(String testId) {
        if (closed) {
            throw new IllegalStateException("the proxy is shutting down");
        }
        Lease lease;
        if (testId == null) {
            if (shared == null) {
                shared = new Lease(harness.sharedSession());
            }
            lease = shared;
        } else {
            lease = open.computeIfAbsent(testId, id -> new Lease(harness.session(id)));
        }
        lease.active++;
        return lease;
    }

    synchronized void release(Lease lease) {
        lease.active--;
        notifyAll();
    }

    /** The test ids with an open session, sorted. */
    synchronized List<String> openTests() {
        return List.copyOf(new TreeSet<>(open.keySet()));
    }

    /**
     * Closes the session of {@code testId} ({@code null}: the shared one) after its exchanges finish, so its
     * recordings are written; the next request for that id opens a new session.
     *
     * @throws IllegalStateException when the session cannot write its recordings (the message says why)
     */
    TestSummary end(String testId) {
        Lease lease;
        synchronized (this) {
            lease = testId == null ? shared : open.remove(testId);
            if (testId == null) {
                shared = null;
            }
            if (lease == null) {
                return TestSummary.none(testId);
            }
            awaitIdle(lease);
        }
        try {
            lease.session.close();
        } finally {
            if (report != null) {
                report.add(lease.session); // what it replayed counts even when writing its new recordings failed
            }
        }
        return summary(testId, lease.session);
    }

    /** Ends every session (the proxy is stopping); every session is closed even when one fails. */
    List<TestSummary> closeAll() {
        List<String> ids;
        synchronized (this) {
            closed = true;
            ids = new ArrayList<>(open.keySet());
            if (shared != null) {
                ids.add(null);
            }
        }
        List<TestSummary> summaries = new ArrayList<>();
        RuntimeException failure = null;
        for (String id : ids) {
            try {
                summaries.add(end(id));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return summaries;
    }

    private void awaitIdle(Lease lease) {
        long deadline = System.nanoTime() + awaitExchanges.toNanos();
        while (lease.active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return; // the session's own close() then waits for (and reports) bodies still streaming
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private TestSummary summary(String testId, HarnessSession session) {
        List<String> replayed = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int live = 0;
        for (RecordingUse use : session.uses()) {
            switch (use.outcome()) {
                case REPLAYED -> replayed.add(relative(use.file()));
                case RECORDED -> recorded.add(relative(use.file()));
                case MISSED -> missed.add(use.method() + " " + use.path());
                case LIVE -> live++;
            }
        }
        List<String> neverFired = session.faults().neverFired().stream()
                .map(dev.replayharness.core.fault.FaultDeclaration::describe)
                .toList();
        return new TestSummary(
                java.util.Optional.ofNullable(testId), true, replayed, recorded, missed, live, neverFired);
    }

    /** {@code <namespace>/<file>}: relative to the recordings root, as the JUnit run report names recordings. */
    private String relative(Path file) {
        return harness.namespace() + "/" + file.getFileName();
    }
}
