package dev.replayharness.core.fault;

import java.time.Duration;
import java.util.Optional;

import dev.replayharness.core.http.Headers;

/**
 * The second half of a code declaration, {@code faults.on(matcher).…}: each method declares one fault for the
 * matched exchanges and returns the declaration (a {@link StatusFault} or {@link CutFault} for those that take
 * more settings).
 */
public final class FaultTarget {
    private static final String IN_CODE = "declared in code";
    private final Faults faults;
    private final ExchangeMatcher matcher;

    FaultTarget(Faults faults, ExchangeMatcher matcher) {
        this.faults = faults;
        this.matcher = matcher;
    }

    /** An HTTP error with the provider's own error envelope as its body (see {@link ErrorEnvelope}). */
    public StatusFault status(int status) {
        return new StatusFault(
                faults.add(matcher, new Fault.Status(status, Headers.empty(), Optional.empty()), IN_CODE));
    }

    /** The connection is reset before any response. */
    public FaultDeclaration reset() {
        return transport(Fault.TransportKind.RESET, Duration.ZERO);
    }

    /** The connection is refused. */
    public FaultDeclaration refused() {
        return transport(Fault.TransportKind.REFUSED, Duration.ZERO);
    }

    /** No response: a socket timeout, at once. */
    public FaultDeclaration timeout() {
        return transport(Fault.TransportKind.TIMEOUT, Duration.ZERO);
    }

    /** No response: a socket timeout after waiting {@code after} (through the harness's sleeper). */
    public FaultDeclaration timeout(Duration after) {
        return transport(Fault.TransportKind.TIMEOUT, after);
    }

    private FaultDeclaration transport(Fault.TransportKind kind, Duration after) {
        return faults.add(matcher, new Fault.Transport(kind, after), IN_CODE);
    }

    /** The body ends cleanly after {@code events} recorded events; {@link CutFault#withReset()} makes it a reset. */
    public CutFault cutAfterEvents(int events) {
        return new CutFault(faults.add(matcher, new Fault.Cut(events, false, false), IN_CODE));
    }

    /** The body ends cleanly after {@code bytes} bytes. */
    public CutFault cutAfterBytes(int bytes) {
        return new CutFault(faults.add(matcher, new Fault.Cut(bytes, true, false), IN_CODE));
    }

    /** No bytes for {@code duration} before the first event. */
    public FaultDeclaration stall(Duration duration) {
        return stall(duration, 1);
    }

    /** No bytes for {@code duration} before the {@code beforeEvent}-th event (1 is the first). */
    public FaultDeclaration stall(Duration duration, int beforeEvent) {
        return faults.add(matcher, new Fault.Stall(duration, beforeEvent), IN_CODE);
    }

    /** The {@code event}-th event (1 is the first) carries invalid JSON. */
    public FaultDeclaration malformedEvent(int event) {
        return faults.add(matcher, new Fault.Malformed(event), IN_CODE);
    }

    /** {@code firstByte} before the response, and {@code betweenEvents} before each later event. */
    public FaultDeclaration latency(Duration firstByte, Duration betweenEvents) {
        return faults.add(matcher, new Fault.Latency(firstByte, betweenEvents), IN_CODE);
    }

    /** An HTTP error status declaration: add headers or a body of your own. */
    public static final class StatusFault {
        private final FaultDeclaration declaration;

        StatusFault(FaultDeclaration declaration) {
            this.declaration = declaration;
        }

        /** Sends {@code Retry-After} in whole seconds. */
        public StatusFault retryAfter(Duration wait) {
            Durations.requireNonNegative(wait, "retry-after");
            return header("retry-after", String.valueOf(wait.toSeconds()));
        }

        public StatusFault header(String name, String value) {
            Fault.Status s = (Fault.Status) declaration.fault();
            Headers.Builder headers = Headers.builder();
            s.headers().asMap().forEach((n, values) -> values.forEach(v -> headers.add(n, v)));
            declaration.replace(
                    new Fault.Status(s.status(), headers.add(name, value).build(), s.body()));
            return this;
        }

        /** The body, in place of the provider-looking envelope. */
        public StatusFault body(String body) {
            Fault.Status s = (Fault.Status) declaration.fault();
            declaration.replace(new Fault.Status(s.status(), s.headers(), Optional.of(body)));
            return this;
        }

        public FaultDeclaration declaration() {
            return declaration;
        }
    }

    /** A cut declaration: make it a connection reset. */
    public static final class CutFault {
        private final FaultDeclaration declaration;

        CutFault(FaultDeclaration declaration) {
            this.declaration = declaration;
        }

        /** The read at the cut fails as a connection reset instead of ending the body. */
        public CutFault withReset() {
            Fault.Cut c = (Fault.Cut) declaration.fault();
            declaration.replace(new Fault.Cut(c.count(), c.bytes(), true));
            return this;
        }

        public FaultDeclaration declaration() {
            return declaration;
        }
    }
}
