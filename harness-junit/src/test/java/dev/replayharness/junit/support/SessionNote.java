package dev.replayharness.junit.support;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

/** A test-only injected type, registered as a {@link SessionParameter} in this module's test resources. */
public final class SessionNote implements AutoCloseable {
    private final HarnessSession session;
    private final AtomicBoolean closed = new AtomicBoolean();

    SessionNote(HarnessSession session) {
        this.session = session;
    }

    public HarnessSession session() {
        return session;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** The provider. */
    public static final class Parameter implements SessionParameter<SessionNote> {
        @Override
        public Class<SessionNote> type() {
            return SessionNote.class;
        }

        @Override
        public SessionNote create(HarnessSession session) {
            return new SessionNote(session);
        }
    }
}
