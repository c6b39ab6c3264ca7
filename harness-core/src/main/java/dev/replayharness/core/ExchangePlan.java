package dev.replayharness.core;

import java.util.Optional;

import dev.replayharness.core.replay.ReplayedResponse;

/**
 * Adapter SPI: what {@link HarnessSession#plan} decided for a request. Either the response comes
 * from a recording, or the adapter calls upstream (and tees the response into a recorder, if one
 * is given).
 */
public sealed interface ExchangePlan permits ExchangePlan.Replay, ExchangePlan.Call {

    /** Answer from this recording; send nothing upstream. */
    record Replay(ReplayedResponse response) implements ExchangePlan {}

    /**
     * Send the request upstream.
     *
     * @param recorder when present, feed it the response as it streams to the caller
     */
    record Call(Optional<ResponseRecorder> recorder) implements ExchangePlan {}
}
