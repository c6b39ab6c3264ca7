package dev.replayharness.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.replayharness.core.fault.Fault;
import dev.replayharness.core.fault.FaultDeclaration;
import dev.replayharness.core.fault.FaultDeclarationException;
import dev.replayharness.core.fault.FaultInjection;
import dev.replayharness.core.fault.Faults;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** How a session's declared faults turn into exchange plans; the session decides when to ask. */
final class FaultPlans {
    private FaultPlans() {}

    /** The plan of a response-replacing fault that fires on this exchange, if one does. */
    static Optional<ExchangePlan> replacement(Faults faults, OutgoingRequest request, Optional<Path> recording) {
        Optional<FaultDeclaration> fired = faults.replacement(request, recording);
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        FaultDeclaration d = fired.get();
        if (d.fault() instanceof Fault.Status status) {
            return Optional.of(new ExchangePlan.Replay(
                    FaultInjection.status(status, request, d.fault().describe())));
        }
        Fault.Transport transport = (Fault.Transport) d.fault();
        return Optional.of(new ExchangePlan.Fail(
                FaultInjection.transport(transport, request, d.describe()), faults.effectiveWait(transport.after())));
    }

    /** The recorded response with every shaping fault that fires on it, and the latency before it; empty if none. */
    static Optional<ExchangePlan.Replay> shaped(
            Faults faults, OutgoingRequest request, Path recording, ReplayedResponse response) {
        List<FaultDeclaration> fired = faults.shaping(request, Optional.of(recording));
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        Duration firstByte = fired.stream()
                .map(FaultDeclaration::fault)
                .filter(Fault.Latency.class::isInstance)
                .map(f -> faults.effectiveWait(((Fault.Latency) f).firstByte()))
                .reduce(Duration.ZERO, Duration::plus);
        return Optional.of(new ExchangePlan.Replay(FaultInjection.shape(response, fired, faults), firstByte));
    }

    /**
     * Fails an exchange that would go upstream when a shaping fault fires on it: those faults change a recorded
     * response, and a faulted exchange writes nothing.
     */
    static void refuseUpstream(Faults faults, OutgoingRequest request, Mode mode) {
        List<FaultDeclaration> fired = faults.shaping(request, Optional.empty());
        if (!fired.isEmpty()) {
            throw new FaultDeclarationException("Fault " + fired.get(0).describe() + " fired on "
                    + request.method() + " " + request.uri().getRawPath()
                    + faults.testId().map(t -> " in test " + t).orElse("")
                    + ", which has no recording to shape and would go upstream (mode " + mode + "). Faults that cut,"
                    + " stall, corrupt or slow a stream shape a recording, in any mode, and a faulted exchange records"
                    + " nothing: record the exchange first (e.g. with a test of the same request without the fault,"
                    + " in shared scope), then run this test.");
        }
    }
}
