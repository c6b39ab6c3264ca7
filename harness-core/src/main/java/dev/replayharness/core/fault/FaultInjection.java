package dev.replayharness.core.fault;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.eventstream.EventStreamCodec;
import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * Engine SPI: what an injected fault makes of an exchange. A status becomes a response of its own, a transport
 * failure the exception the client's socket would throw, and shaping faults a changed copy of the recorded
 * response (its chunks, their delays and its ending), so that every adapter delivers them as it delivers any
 * recording.
 */
public final class FaultInjection {
    /** Marks injected responses and failures, so that a confused reader of a log can tell. */
    public static final String MARKER_HEADER = "x-replay-harness-fault";

    private FaultInjection() {}

    /** The response an injected status answers with. */
    public static ReplayedResponse status(Fault.Status fault, OutgoingRequest request, String description) {
        ErrorEnvelope envelope = ErrorEnvelope.forRequest(request);
        Headers.Builder headers = Headers.builder().add("content-type", "application/json");
        // A declared header replaces the default of its name, keeping every value declared for it.
        fault.headers().asMap().forEach((name, values) -> {
            headers.set(name, values.get(0));
            values.stream().skip(1).forEach(v -> headers.add(name, v));
        });
        String errorType = envelope.errorType(fault.status());
        if (errorType != null
                && fault.headers().first("x-amzn-errortype").isEmpty()
                && fault.body().isEmpty()) {
            headers.set("x-amzn-errortype", errorType);
        }
        headers.set(MARKER_HEADER, description);
        byte[] body =
                fault.body().orElseGet(() -> envelope.body(fault.status())).getBytes(StandardCharsets.UTF_8);
        return new ReplayedResponse(
                Path.of("(injected fault)"),
                fault.status(),
                headers.build(),
                List.of(body),
                List.of(0L),
                Optional.empty());
    }

    /** The exception an injected transport failure throws. */
    public static IOException transport(Fault.Transport fault, OutgoingRequest request, String description) {
        String where = request.method() + " " + request.uri().getRawPath();
        return switch (fault.kind()) {
            case RESET ->
                new SocketException(
                        "Connection reset (injected by Replay Harness: " + description + ", " + where + ")");
            case REFUSED ->
                new ConnectException(
                        "Connection refused (injected by Replay Harness: " + description + ", " + where + ")");
            case TIMEOUT ->
                new SocketTimeoutException(
                        "Read timed out (injected by Replay Harness: " + description + ", " + where + ")");
        };
    }

    /**
     * The recorded response as {@code fired} shape it, in order.
     *
     * @throws FaultDeclarationException when a fault does not fit the recording (e.g. a cut after 10 events of 3)
     */
    public static ReplayedResponse shape(ReplayedResponse recorded, List<FaultDeclaration> fired, Faults faults) {
        ReplayedResponse response = recorded;
        for (FaultDeclaration d : fired) {
            response = apply(response, d, faults);
        }
        return response;
    }

    private static ReplayedResponse apply(ReplayedResponse r, FaultDeclaration d, Faults faults) {
        List<byte[]> chunks = new ArrayList<>(r.chunks());
        List<Long> delays = new ArrayList<>(r.delaysMs());
        Optional<String> ending = r.interruption();
        Fault fault = d.fault();
        if (fault instanceof Fault.Cut cut) {
            if (cut.bytes()) {
                require(
                        cut.count() <= r.contentLength(),
                        d,
                        r,
                        faults,
                        "a cut after " + cut.count() + " bytes of " + r.contentLength());
                cutBytes(chunks, delays, cut.count());
            } else {
                require(
                        cut.count() <= chunks.size(),
                        d,
                        r,
                        faults,
                        "a cut after " + cut.count() + " events of " + chunks.size());
                chunks = chunks.subList(0, cut.count());
                delays = delays.subList(0, cut.count());
            }
            ending = cut.reset() ? Optional.of(resetMessage(d)) : Optional.empty();
        } else if (fault instanceof Fault.Stall stall) {
            require(
                    stall.beforeEvent() <= chunks.size(),
                    d,
                    r,
                    faults,
                    "a stall before event " + stall.beforeEvent() + " of " + chunks.size());
            addDelay(
                    delays,
                    stall.beforeEvent() - 1,
                    faults.effectiveWait(stall.duration()).toMillis());
        } else if (fault instanceof Fault.Malformed bad) {
            require(
                    bad.event() <= chunks.size(),
                    d,
                    r,
                    faults,
                    "malformed event " + bad.event() + " of " + chunks.size());
            chunks.set(
                    bad.event() - 1,
                    MalformedEvent.of(
                            chunks.get(bad.event() - 1),
                            EventStreamCodec.isEventStream(
                                    r.headers().first("content-type").orElse(null))));
        } else if (fault instanceof Fault.Latency latency) {
            long between = faults.effectiveWait(latency.betweenEvents()).toMillis();
            for (int i = 1; i < delays.size(); i++) {
                addDelay(delays, i, between);
            }
        } else {
            throw new IllegalStateException(fault + " replaces the response; it does not shape one");
        }
        return new ReplayedResponse(r.file(), r.status(), r.headers(), chunks, delays, ending);
    }

    private static void cutBytes(List<byte[]> chunks, List<Long> delays, long keep) {
        long seen = 0;
        int i = 0;
        while (i < chunks.size() && seen + chunks.get(i).length <= keep) {
            seen += chunks.get(i).length;
            i++;
        }
        if (i < chunks.size() && seen < keep) {
            chunks.set(i, Arrays.copyOf(chunks.get(i), (int) (keep - seen)));
            i++;
        }
        chunks.subList(i, chunks.size()).clear();
        delays.subList(i, delays.size()).clear();
    }

    private static void addDelay(List<Long> delays, int index, long millis) {
        delays.set(index, delays.get(index) + millis);
    }

    private static String resetMessage(FaultDeclaration d) {
        return "Connection reset (injected by Replay Harness: " + d.describe() + ")";
    }

    private static void require(boolean fits, FaultDeclaration d, ReplayedResponse r, Faults faults, String what) {
        if (!fits) {
            throw new FaultDeclarationException("Fault " + d.describe()
                    + faults.testId().map(t -> " in test " + t).orElse("") + " cannot apply to " + r.file() + ": "
                    + what
                    + ". Lower the number to fit the recording, or match another exchange.");
        }
    }
}
