package dev.replayharness.junit.support;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

/** A client of "another library", injected through the {@link SessionParameter} SPI (registered in this module's test resources). */
public final class ProvidedClient {
    private final HarnessSession session;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProvidedClient(HarnessSession session) {
        this.session = session;
    }

    public HarnessSession session() {
        return session;
    }

    public boolean closed() {
        return closed.get();
    }

    /** The provider: one client per test invocation, closed after it. */
    public static final class Provider implements SessionParameter<ProvidedClient> {
        @Override
        public Class<ProvidedClient> type() {
            return ProvidedClient.class;
        }

        @Override
        public ProvidedClient create(HarnessSession session) {
            return new ProvidedClient(session);
        }

        @Override
        public void close(ProvidedClient client) {
            if (!client.closed.compareAndSet(false, true)) {
                throw new IllegalStateException("closed twice");
            }
        }
    }
}
