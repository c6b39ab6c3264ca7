package dev.replayharness.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.replayharness.core.internal.MissReport;
import dev.replayharness.core.internal.RecordingCache;
import dev.replayharness.core.internal.RecordingRedactor;
import dev.replayharness.core.internal.Redactor;
import dev.replayharness.core.internal.ReplayRenderer;
import dev.replayharness.core.internal.RecordingAssembler;
import dev.replayharness.core.internal.RequestPreparer;
import dev.replayharness.core.internal.Settings;
import dev.replayharness.core.key.CanonicalRequest;
import dev.replayharness.core.key.RecordingKey;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;
import dev.replayharness.core.recording.RecordingFiles;

/**
 * The harness as one test sees it: decides, request by request, whether to replay or call upstream,
 * numbers repeated identical requests, and holds new recordings until {@link #close()} writes them
 * (or {@link #discard()} drops them, e.g. when the test failed). Thread-safe.
 */
public final class HarnessSession implements AutoCloseable {
    private final Settings settings;
    private final String testId;
    private final Redactor redactor;
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final Map<String, Path> lastReplayed = new ConcurrentHashMap<>();
    private final List<RecordingUse> uses = Collections.synchronizedList(new ArrayList<>());
    private final Map<Path, Recording> staged = new LinkedHashMap<>();
    /** Recordings whose response body is still streaming: target file → "METHOD path", for the error if it never ends. */
    private final Map<Path, String> inFlight = new LinkedHashMap<>();
    private boolean closed;
    private boolean discarded;

    HarnessSession(Settings settings, String testId) {
        this.settings = settings;
        this.testId = testId;
        this.redactor = new Redactor(settings.secrets());
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

    /** How replayed timing waits. */
    public Sleeper sleeper() {
        return settings.sleeper();
    }

    /** When a caller closes a body early while recording, how much more an adapter reads to finish the recording. */
    public long maxDrainBytes() {
        return settings.maxDrainBytes();
    }

    /**
     * Adapter SPI: decides what to do with a request.
     *
     * @return a replayed response, or the instruction to call upstream (with a recorder to feed in record modes)
     * @throws ReplayMissError in replay mode when no recording matches
     * @throws RecordingFormatException when the matching recording file is damaged or misnamed
     */
    public ExchangePlan plan(OutgoingRequest request) {
        RequestPreparer.Prepared prepared = RequestPreparer.prepare(request, settings, redactor, testId);
        if (settings.mode() == Mode.LIVE) {
            uses.add(new RecordingUse(RecordingUse.Outcome.LIVE, prepared.recorded().method(), prepared.path(), null));
            return new ExchangePlan.Call(Optional.empty());
        }
        String primary = prepared.primary().key().hex();
        int occurrence = occurrences.computeIfAbsent(primary, k -> new AtomicInteger()).incrementAndGet();
        if (settings.mode() != Mode.RECORD) {
            List<Path> lookedFor = new ArrayList<>();
            Optional<ExchangePlan> replay = replay(prepared, primary, occurrence, lookedFor);
            if (replay.isPresent()) {
                return replay.get();
            }
            if (settings.mode() == Mode.REPLAY) {
                uses.add(new RecordingUse(RecordingUse.Outcome.MISSED, prepared.recorded().method(), prepared.path(), null));
                throw MissReport.build(settings, prepared, testId, occurrence, lookedFor, redactor);
            }
        }
        return record(prepared, occurrence);
    }

    private Optional<ExchangePlan> replay(RequestPreparer.Prepared prepared, String primary, int occurrence,
            List<Path> lookedFor) {
        for (CanonicalRequest form : candidates(prepared)) {
            Path file = settings.namespaceDirectory().resolve(form.key().fileName(occurrence));
            lookedFor.add(file);
            Optional<RecordingCache.Verified> recording = load(file, form, prepared.recorded(),
                    form == prepared.testScoped() ? testId : null);
            if (recording.isPresent()) {
                return Optional.of(replayed(file, recording.get(), prepared, primary));
            }
        }
        Path last = lastReplayed.get(primary);
        if (settings.repeatPolicy() == RepeatPolicy.REUSE_LAST && last != null) {
            RecordingKey key = RecordingKey.parseFileName(last.getFileName().toString()).orElseThrow().key();
            RecordingCache.Verified recording = load(last, key)
                    .orElseThrow(() -> new RecordingFormatException(last, "does not exist."));
            return Optional.of(replayed(last, recording, prepared, primary));
        }
        return Optional.empty();
    }

    /** The recording at {@code file} checked against the key its name says, from the cache when it is current. */
    private Optional<RecordingCache.Verified> load(Path file, RecordingKey expected) {
        return load(file, expected, recording -> verify(file, expected, recording));
    }

    /**
     * The recording at {@code file}, named by {@code form}'s key, checked against {@code sent} (the request
     * {@code form} was computed from, with {@code sentTestId}) or else against its key.
     */
    private Optional<RecordingCache.Verified> load(Path file, CanonicalRequest form, RecordedRequest sent, String sentTestId) {
        return load(file, form.key(), recording -> sameKeyInput(recording, sent, sentTestId)
                // The file holds exactly what the key of the request being answered was computed from, so
                // its key is that key: no need to canonicalize and hash it again.
                ? new RecordingCache.Verified(form.key(), ReplayRenderer.Rendered.of(recording))
                : verify(file, form.key(), recording));
    }

    private Optional<RecordingCache.Verified> load(Path file, RecordingKey expected,
            Function<Recording, RecordingCache.Verified> verify) {
        RecordingCache cache = settings.recordingCache();
        if (cache == null) {
            return RecordingFiles.readIfExists(file).map(verify);
        }
        return cache.load(file, expected, verify);
    }

    private RecordingCache.Verified verify(Path file, RecordingKey expected, Recording recording) {
        RecordingKey actual;
        try {
            actual = CanonicalRequest.of(recording.request(), recording.testId()).key();
        } catch (RuntimeException e) { // a hand-edited url or normalizer spec
            throw new RecordingFormatException(file, "its request cannot be keyed (" + redactor.redact(e.getMessage())
                    + "). Fix request.url and request.normalizers, or delete the file and re-record.", e);
        }
        if (!actual.equals(expected)) {
            throw new RecordingFormatException(file, "its name says key " + expected + " but its request hashes to "
                    + actual + ": the file was renamed, or its request or testId edited. Rename it to " + actual.fileName(1)
                    + " if the edit was deliberate, or delete it and re-record.");
        }
        return new RecordingCache.Verified(actual, ReplayRenderer.Rendered.of(recording));
    }

    /**
     * Whether the recording's key input (method, URL, body, normalizers, test identity) is equal, value for value,
     * to that of {@code sent}. Equal values have one canonical form: a JSON body in {@code sent} is always keyed
     * as JSON, where member order does not count (as for Jackson's equality), because the preparer turns a body
     * that is not I-JSON into bytes. Unequal values may still share a form (0.7 and 0.70), so false only means
     * "hash it to know".
     */
    private static boolean sameKeyInput(Recording recording, RecordedRequest sent, String sentTestId) {
        RecordedRequest recorded = recording.request();
        return Objects.equals(recording.testId(), sentTestId) && recorded.method().equals(sent.method())
                && recorded.url().equals(sent.url()) && recorded.normalizers().equals(sent.normalizers())
                && Objects.equals(recorded.body(), sent.body());
    }

    private ExchangePlan replayed(Path file, RecordingCache.Verified recording, RequestPreparer.Prepared prepared,
            String primary) {
        lastReplayed.put(primary, file);
        uses.add(new RecordingUse(RecordingUse.Outcome.REPLAYED, prepared.recorded().method(), prepared.path(), file));
        return new ExchangePlan.Replay(recording.rendered().response(file, settings.replayTiming()));
    }

    private List<CanonicalRequest> candidates(RequestPreparer.Prepared prepared) {
        return prepared.testScoped() == null ? List.of(prepared.shared()) : List.of(prepared.testScoped(), prepared.shared());
    }

    private ExchangePlan record(RequestPreparer.Prepared prepared, int occurrence) {
        boolean testScoped = settings.scope() == RecordingScope.TEST && prepared.testScoped() != null;
        CanonicalRequest target = testScoped ? prepared.testScoped() : prepared.shared();
        Path file = settings.namespaceDirectory().resolve(target.key().fileName(occurrence));
        String source = settings.source().orElseGet(() ->
                RequestPreparer.isLoopback(java.net.URI.create(prepared.recorded().url())) ? "emulator" : "live");
        synchronized (staged) {
            inFlight.put(file, prepared.recorded().method() + " " + prepared.path());
        }
        return new ExchangePlan.Call(Optional.of(new RecordingAssembler(settings, redactor, file, target.key(),
                prepared.recorded(), testScoped ? testId : null, source, this::stage)));
    }

    /** Called once per recorder when its body ends; {@code recording} is null when there is nothing to write. */
    private void stage(Path file, Recording recording) {
        synchronized (staged) {
            inFlight.remove(file);
            staged.notifyAll();
            if (recording == null || closed || discarded) {
                return; // after close the session has already reported this body as never finished
            }
            staged.put(file, recording);
        }
        uses.add(new RecordingUse(RecordingUse.Outcome.RECORDED, recording.request().method(),
                java.net.URI.create(recording.request().url()).getRawPath(), file));
    }

    /**
     * Drops this session's new recordings, those still streaming included (a failed test's, unless its
     * recordings are to be saved).
     *
     * @return the recordings dropped so far
     */
    public List<Path> discard() {
        List<Path> dropped;
        synchronized (staged) {
            discarded = true;
            dropped = List.copyOf(staged.keySet());
            staged.clear();
        }
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
        Map<Path, Recording> toWrite;
        Map<Path, String> unfinished;
        synchronized (staged) {
            long deadline = System.nanoTime() + settings.awaitRecordings().toNanos();
            while (!inFlight.isEmpty() && !discarded && System.nanoTime() < deadline) {
                try {
                    staged.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closed = true;
            toWrite = new LinkedHashMap<>(staged);
            unfinished = discarded ? Map.of() : new LinkedHashMap<>(inFlight);
            staged.clear();
        }
        RuntimeException failure = null;
        for (Map.Entry<Path, Recording> e : toWrite.entrySet()) {
            try {
                RecordingFiles.write(e.getKey(), RecordingRedactor.redactResponse(e.getValue(), redactor));
            } catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                } else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (!unfinished.isEmpty()) {
            IllegalStateException neverFinished = new IllegalStateException(redactor.redact("Replay Harness: the response body of "
                    + String.join(", ", unfinished.values()) + " was never read to its end or closed within "
                    + settings.awaitRecordings().toSeconds() + " s of the test's end, so its recording ("
                    + unfinished.keySet().stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
                    + ") was not written. Read or close every response body (try-with-resources), "
                    + "or give the harness longer (Harness.Builder.awaitRecordings)."));
            if (failure != null) {
                neverFinished.addSuppressed(failure);
            }
            throw neverFinished;
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "HarnessSession[namespace=" + settings.namespace() + ", mode=" + settings.mode() + ", test=" + testId + "]";
    }
}
