package dev.replayharness.core.fault;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import dev.replayharness.core.http.OutgoingRequest;

/**
 * One declared fault: which exchanges it applies to, what goes wrong, and where it was declared (for every
 * message about it). Counts the exchanges it matched and those it fired on. Thread-safe.
 */
public final class FaultDeclaration {
    private final ExchangeMatcher matcher;
    private final String source;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();
    private final Random random;
    private volatile Fault fault;

    FaultDeclaration(ExchangeMatcher matcher, Fault fault, String source) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.fault = Objects.requireNonNull(fault, "fault");
        this.source = Objects.requireNonNull(source, "source");
        this.random = new Random(matcher.seed());
    }

    public ExchangeMatcher matcher() {
        return matcher;
    }

    public Fault fault() {
        return fault;
    }

    /** Where it was declared, e.g. {@code @Fault("status=429") on com.example.ChatTest#retries}. */
    public String source() {
        return source;
    }

    /** How many exchanges its matcher matched. */
    public int matched() {
        return matched.get();
    }

    /** How many exchanges it changed. */
    public int fired() {
        return fired.get();
    }

    void replace(Fault value) {
        this.fault = Objects.requireNonNull(value, "fault");
    }

    /** Counts the exchange if it matches, and says whether the fault fires on it. */
    boolean offer(OutgoingRequest request, Optional<Path> recording) {
        if (!matcher.matches(request, recording)) {
            return false;
        }
        int n = matched.incrementAndGet();
        if (n < matcher.from() || n > matcher.to()) {
            return false;
        }
        if (matcher.probability() < 1) {
            synchronized (random) {
                if (random.nextDouble() >= matcher.probability()) {
                    return false;
                }
            }
        }
        fired.incrementAndGet();
        return true;
    }

    /** The fault and its matcher in the declaration syntax, and where it was declared. */
    public String describe() {
        return "'" + fault.describe() + matcher.describe() + "' (" + source + ")";
    }

    @Override
    public String toString() {
        return "FaultDeclaration" + describe();
    }
}
