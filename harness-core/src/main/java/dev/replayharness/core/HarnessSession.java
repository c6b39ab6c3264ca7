package dev.replayharness.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.replayharness.core.fault.Faults;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.key.RequestKeyer;
import dev.replayharness.core.recording.RecordingFormatException;
import dev.replayharness.core.redact.RecordingRedactor;
import dev.replayharness.core.redact.Redactor;
import dev.replayharness.core.replay.ReplayedResponse;
import dev.replayharness.core.replay.Sleeper;
import dev.replayharness.core.store.RecordingBatch;
import dev.replayharness.core.store.RecordingStore;
import dev.replayharness.core.store.StoredRecording;

/**
 * The harness as one test sees it: decides, request by request, whether to replay or call upstream,
 * numbers repeated identical requests, and holds new recordings until {@link #close()} writes them
 * (or {@link #discard()} drops them, e.g. when the test failed). Thread-safe.
 */
public final class HarnessSession implements AutoCloseable {
    private final Settings settings;
    private final RecordingStore store;
    private final String testId;
    private final Redactor redactor;
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final List<RecordingUse> uses = Collections.synchronizedList(new ArrayList<>());
    private final RecordingBatch batch;
    private final RequestKeyer keyer;
    private final Replays replays;
    private final Faults faults;

    HarnessSession(Settings settings, String testId) {
        this.settings = settings;
        this.store = settings.store();
        this.testId = testId;
        this.redactor = new Redactor(settings.secrets());
        this.batch = store.batch();
        this.keyer = new RequestKeyer(settings.requestHeaders(), settings.requestNormalizers(), redactor, testId);
        this.replays = new Replays(store, settings.repeatPolicy(), testId);
        this.faults = new Faults(testId, settings.sleeper() == Sleeper.system());
    }

    public Mode mode() {
        return settings.mode();
    }

    public String namespace() {
        return settings.namespace();
    }

    /** The test identity that keys test-scoped recordings, if any. */
    public Optional<String> testId() {
        return Optional.ofNullable(testId);
    }

    /** Every request handled so far, in order. */
    public List<RecordingUse> uses() {
        synchronized (uses) {
            return List.copyOf(uses);
        }
    }

    /** Removes credentials (by pattern, and every credential this session has seen) from a text. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    /**
     * The faults this session injects into its exchanges (see {@link Faults}). Declare them before the exchanges
     * they apply to. A response-replacing fault (status, transport) answers in every mode without a recording and
     * takes no occurrence of one; a shaping fault (cut, stall, malformed event, latency) replays the recording it
     * shapes, in every mode (record mode too), and fails an exchange that has none. A faulted exchange never calls
     * upstream and never writes a recording.
     */
    public Faults faults() {
        return faults;
    }

    /** How replayed timing waits. */
    public Sleeper sleeper() {
        return settings.sleeper();
    }

    /**
     * Adapter SPI: decides what to do with a request.
     *
     * @return a replayed response, or the instruction to call upstream (with a recorder to feed in record modes)
     * @throws ReplayMissError in replay mode when no recording matches
     * @throws RecordingFormatException when the matching recording file is damaged or misnamed
     */
    public ExchangePlan plan(OutgoingRequest request) {
        KeyedRequest keyed = keyer.key(request);
        boolean faulting = !faults.isEmpty();
        if (settings.mode() == Mode.LIVE) {
            Optional<ExchangePlan> injected =
                    faulting ? FaultPlans.replacement(faults, request, Optional.empty()) : Optional.empty();
            if (injected.isPresent()) {
                use(RecordingUse.Outcome.INJECTED, keyed, null);
                return injected.get();
            }
            if (faulting) {
                FaultPlans.refuseUpstream(faults, request, settings.mode());
            }
            use(RecordingUse.Outcome.LIVE, keyed, null);
            return new ExchangePlan.Call(Optional.empty());
        }
        AtomicInteger counter =
                occurrences.computeIfAbsent(keyed.primary().key().hex(), k -> new AtomicInteger());
        int occurrence = counter.incrementAndGet();
        // Record mode looks a recording up only for a session with faults: one that shapes a stream replays it.
        Optional<StoredRecording> found =
                settings.mode() != Mode.RECORD || faulting ? replays.find(keyed, occurrence) : Optional.empty();
        if (faulting) {
            Optional<ExchangePlan> injected =
                    FaultPlans.replacement(faults, request, found.map(StoredRecording::location));
            if (injected.isPresent()) {
                counter.decrementAndGet(); // the provider never saw it: the next identical request gets this occurrence
                use(RecordingUse.Outcome.INJECTED, keyed, null);
                return injected.get();
            }
        }
        if (found.isPresent()) {
            ReplayedResponse response = found.get().response(settings.replayTiming());
            Optional<ExchangePlan.Replay> shaped =
                    faulting ? FaultPlans.shaped(faults, request, found.get().location(), response) : Optional.empty();
            if (shaped.isPresent() || settings.mode() != Mode.RECORD) {
                use(RecordingUse.Outcome.REPLAYED, keyed, found.get().location());
                return shaped.orElseGet(() -> new ExchangePlan.Replay(response));
            }
            return record(keyed, occurrence); // record mode, and no fault shapes this exchange: record it afresh
        }
        if (settings.mode() == Mode.REPLAY) {
            use(RecordingUse.Outcome.MISSED, keyed, null);
            List<Path> lookedFor = keyed.lookupOrder().stream()
                    .map(f -> store.locate(f.key(), occurrence))
                    .toList();
            throw MissReport.build(store, settings.recordCommand(), keyed, testId, occurrence, lookedFor, redactor);
        }
        if (faulting) {
            FaultPlans.refuseUpstream(faults, request, settings.mode());
        }
        return record(keyed, occurrence);
    }

    private ExchangePlan record(KeyedRequest keyed, int occurrence) {
        boolean testScoped = settings.scope() == RecordingScope.TEST && keyed.testScoped() != null;
        CanonicalRequest target = testScoped ? keyed.testScoped() : keyed.shared();
        String source = settings.source().orElseGet(() -> keyed.loopback() ? "emulator" : "live");
        RecordingBatch.Pending pending =
                batch.begin(target.key(), occurrence, keyed.recorded().method() + " " + keyed.path());
        return new ExchangePlan.Call(Optional.of(new RecordingAssembler(
                settings.responseRules(),
                redactor,
                target.key(),
                keyed.recorded(),
                testScoped ? testId : null,
                source,
                recording -> {
                    if (pending.stage(recording)) {
                        use(RecordingUse.Outcome.RECORDED, keyed, pending.location());
                    }
                })));
    }

    private void use(RecordingUse.Outcome outcome, KeyedRequest keyed, Path location) {
        uses.add(new RecordingUse(outcome, keyed.recorded().method(), keyed.path(), location));
    }

    /**
     * Drops this session's new recordings, those still streaming included (a failed test's, unless its
     * recordings are to be saved).
     *
     * @return the recordings dropped so far
     */
    public List<Path> discard() {
        List<Path> dropped = batch.discard();
        uses.removeIf(u -> u.outcome() == RecordingUse.Outcome.RECORDED && dropped.contains(u.file()));
        return dropped;
    }

    /**
     * Writes the new recordings, each atomically, after waiting (up to the harness's
     * {@code awaitRecordings}) for response bodies still streaming or draining. Each response is
     * redacted again first, with every secret the session has seen by now.
     *
     * @throws IllegalStateException naming each request whose response body was never read to its end
     *     or closed in time (its recording is not written; the others are)
     */
    @Override
    public void close() {
        batch.commit(settings.awaitRecordings(), r -> RecordingRedactor.redactResponse(r, redactor), redactor::redact);
    }

    @Override
    public String toString() {
        return "HarnessSession[namespace=" + settings.namespace() + ", mode=" + settings.mode() + ", test=" + testId
                + "]";
    }
}
