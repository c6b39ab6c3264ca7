package dev.replayharness.core;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import dev.replayharness.core.replay.ReplayedResponse;

/**
 * Adapter SPI: what {@link HarnessSession#plan} decided for a request. Either the response comes
 * from a recording, or the adapter calls upstream (and tees the response into a recorder, if one
 * is given).
 */
public sealed interface ExchangePlan permits ExchangePlan.Replay, ExchangePlan.Call, ExchangePlan.Fail {

    /**
     * Answer from this recording (or an injected error response); send nothing upstream.
     *
     * @param delay injected latency before the response; zero unless a fault adds it
     */
    record Replay(ReplayedResponse response, Duration delay) implements ExchangePlan {
        public Replay(ReplayedResponse response) {
            this(response, Duration.ZERO);
        }
    }

    /**
     * Fail as the connection would, after {@code delay}, with no response: an injected transport fault. Nothing is
     * sent upstream and nothing is recorded.
     */
    record Fail(IOException failure, Duration delay) implements ExchangePlan {}

    /**
     * Send the request upstream.
     *
     * @param recorder when present, feed it the response as it streams to the caller
     */
    record Call(Optional<ResponseRecorder> recorder) implements ExchangePlan {}
}
