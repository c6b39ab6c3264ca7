package dev.replayharness.core.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.replayharness.core.http.Headers;

/**
 * What goes wrong with one exchange. A fault either replaces the whole response ({@link Status}, {@link Transport}:
 * the request never reaches a recording, so it takes no occurrence of one and needs none) or shapes the recorded
 * response it is applied to ({@link Cut}, {@link Stall}, {@link Malformed}, {@link Latency}: a cut after 3 events
 * replays the recording's first 3). Durations wait through the harness's {@code Sleeper}.
 */
public sealed interface Fault {

    /** The fault as the declaration syntax writes it, e.g. {@code status=429;retry-after=2s}. */
    String describe();

    /** Whether the fault answers in place of any recording. */
    default boolean replacesResponse() {
        return this instanceof Status || this instanceof Transport;
    }

    /**
     * An HTTP error response.
     *
     * @param status the status code, 100 to 599
     * @param headers headers to send (e.g. {@code Retry-After}); {@code Content-Type: application/json} is added
     *     when absent
     * @param body the body; when empty, an error envelope that looks like the provider's own ({@link ErrorEnvelope})
     */
    record Status(int status, Headers headers, Optional<String> body) implements Fault {
        public Status {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status " + status + " is not an HTTP status (100 to 599)");
            }
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String describe() {
            StringBuilder out = new StringBuilder("status=" + status);
            headers.asMap()
                    .forEach((name, values) -> values.forEach(v -> out.append(
                            name.equals("retry-after") ? ";retry-after=" + v + "s" : ";header=" + name + ":" + v)));
            body.ifPresent(b -> out.append(";body=").append(b));
            return out.toString();
        }
    }

    /** A transport failure before any response: what the client's socket would report. */
    record Transport(TransportKind kind, Duration after) implements Fault {
        public Transport {
            Objects.requireNonNull(kind, "kind");
            Durations.requireNonNegative(after, kind.token());
        }

        @Override
        public String describe() {
            return kind.token() + (after.isZero() ? "" : ";after=" + Durations.format(after));
        }
    }

    /** How a connection fails before a response. */
    enum TransportKind {
        /** The peer reset the connection ({@code java.net.SocketException: Connection reset}). */
        RESET("reset"),
        /** Nothing listens ({@code java.net.ConnectException: Connection refused}). */
        REFUSED("refused"),
        /** No answer in time ({@code java.net.SocketTimeoutException}). */
        TIMEOUT("timeout");

        private final String token;

        TransportKind(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    /**
     * The body ends early: after {@code count} events (recorded chunks, one per server-sent event) or bytes.
     *
     * @param reset fail the read as a connection reset at the cut; otherwise the body just ends there
     */
    record Cut(int count, boolean bytes, boolean reset) implements Fault {
        public Cut {
            if (count < 0) {
                throw new IllegalArgumentException("a cut after " + count + " is negative");
            }
        }

        @Override
        public String describe() {
            return (bytes ? "cut-after-bytes=" : "cut-after-events=") + count + (reset ? ";reset" : "");
        }
    }

    /** No bytes for {@code duration} before the {@code beforeEvent}-th event (1 is the first). */
    record Stall(Duration duration, int beforeEvent) implements Fault {
        public Stall {
            Durations.requireNonNegative(duration, "stall");
            if (beforeEvent < 1) {
                throw new IllegalArgumentException("before-event=" + beforeEvent + ": events count from 1");
            }
        }

        @Override
        public String describe() {
            return "stall=" + Durations.format(duration) + (beforeEvent == 1 ? "" : ";before-event=" + beforeEvent);
        }
    }

    /** The {@code event}-th event (1 is the first) carries invalid JSON in its {@code data}. */
    record Malformed(int event) implements Fault {
        public Malformed {
            if (event < 1) {
                throw new IllegalArgumentException("malformed-event=" + event + ": events count from 1");
            }
        }

        @Override
        public String describe() {
            return "malformed-event=" + event;
        }
    }

    /** Added latency: before the response (its first byte) and before every later event. */
    record Latency(Duration firstByte, Duration betweenEvents) implements Fault {
        public Latency {
            Durations.requireNonNegative(firstByte, "latency");
            Durations.requireNonNegative(betweenEvents, "between-events");
        }

        @Override
        public String describe() {
            return "latency=" + Durations.format(firstByte)
                    + (betweenEvents.isZero() ? "" : ";between-events=" + Durations.format(betweenEvents));
        }
    }
}
