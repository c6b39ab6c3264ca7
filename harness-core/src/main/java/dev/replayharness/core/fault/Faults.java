package dev.replayharness.core.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.replayharness.core.http.OutgoingRequest;

/**
 * The faults one session injects into its exchanges, declared in code or parsed from the declaration syntax (the
 * syntax of {@code @Fault} and the proxy's {@code X-Replay-Harness-Fault} header, see {@link FaultSpec}):
 *
 * <pre>{@code
 * session.faults().on(ExchangeMatcher.post("/openai/v1/chat/completions").nth(1))
 *         .status(429).retryAfter(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Declare them before the exchanges they apply to. Each exchange meets the declarations in order: the first
 * response-replacing fault ({@link Fault#replacesResponse()}) that fires answers it; otherwise every shaping fault
 * that fires changes the recorded response, in declaration order. Thread-safe.
 */
public final class Faults {
    /** How long an injected stall or latency really waits, at most, when the harness sleeps for real. */
    public static final Duration DEFAULT_MAX_REAL_WAIT = Duration.ofSeconds(10);

    private final String testId;
    private final boolean realTime;
    private final List<FaultDeclaration> declarations = new CopyOnWriteArrayList<>();
    private volatile Duration maxRealWait = DEFAULT_MAX_REAL_WAIT;

    /**
     * @param testId the test the session belongs to, named by every message; may be {@code null}
     * @param realTime whether the harness's sleeper really waits (then waits are capped, see {@link #maxRealWait})
     */
    public Faults(String testId, boolean realTime) {
        this.testId = testId;
        this.realTime = realTime;
    }

    /** Starts a declaration for the exchanges {@code matcher} names. */
    public FaultTarget on(ExchangeMatcher matcher) {
        return new FaultTarget(this, Objects.requireNonNull(matcher, "matcher"));
    }

    /** Adds a declaration in the declaration syntax, e.g. {@code status=429;retry-after=2s;nth=1}. */
    public FaultDeclaration declare(String spec, String source) {
        FaultSpec.Parsed parsed = FaultSpec.parse(spec, source + (testId == null ? "" : " in test " + testId));
        return add(parsed.matcher(), parsed.fault(), source);
    }

    /**
     * As {@link #declare}, unless the same declaration from the same source is already there: for a declaration
     * repeated on every request of a test (the proxy's {@code X-Replay-Harness-Fault} header), made once per
     * session so that its {@code nth} counts across the test's requests.
     */
    public synchronized FaultDeclaration declareOnce(String spec, String source) {
        String wanted = source + ": " + spec;
        for (FaultDeclaration d : declarations) {
            if (d.source().equals(wanted)) {
                return d;
            }
        }
        return declare(spec, wanted);
    }

    /** Adds a declaration. */
    public FaultDeclaration add(ExchangeMatcher matcher, Fault fault, String source) {
        FaultDeclaration declaration = new FaultDeclaration(matcher, fault, source);
        declarations.add(declaration);
        return declaration;
    }

    /**
     * Caps every injected wait at {@code cap} when the harness's sleeper really sleeps (an injected sleeper that
     * advances a virtual clock gets the full duration). Default {@link #DEFAULT_MAX_REAL_WAIT}.
     */
    public Faults maxRealWait(Duration cap) {
        this.maxRealWait = Durations.requireNonNegative(cap, "maxRealWait");
        return this;
    }

    /** What a fault's {@code duration} really waits: all of it on a virtual clock, at most the cap on a real one. */
    public Duration effectiveWait(Duration duration) {
        return realTime && duration.compareTo(maxRealWait) > 0 ? maxRealWait : duration;
    }

    public List<FaultDeclaration> declared() {
        return List.copyOf(declarations);
    }

    public boolean isEmpty() {
        return declarations.isEmpty();
    }

    /** The test named by messages, if any. */
    public Optional<String> testId() {
        return Optional.ofNullable(testId);
    }

    /** The first response-replacing declaration that fires on this exchange, if any. */
    public Optional<FaultDeclaration> replacement(OutgoingRequest request, Optional<Path> recording) {
        for (FaultDeclaration d : declarations) {
            if (d.fault().replacesResponse() && d.offer(request, recording)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Every shaping declaration that fires on this exchange, in declaration order. */
    public List<FaultDeclaration> shaping(OutgoingRequest request, Optional<Path> recording) {
        List<FaultDeclaration> fired = new ArrayList<>();
        for (FaultDeclaration d : declarations) {
            if (!d.fault().replacesResponse() && d.offer(request, recording)) {
                fired.add(d);
            }
        }
        return fired;
    }

    /** Declarations whose matcher matched no exchange at all. */
    public List<FaultDeclaration> matchedNothing() {
        return declarations.stream().filter(d -> d.matched() == 0).toList();
    }

    /** Declarations that never fired (those that matched nothing among them). */
    public List<FaultDeclaration> neverFired() {
        return declarations.stream().filter(d -> d.fired() == 0).toList();
    }
}
