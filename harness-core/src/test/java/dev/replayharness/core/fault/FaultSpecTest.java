package dev.replayharness.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The fault declaration syntax (@Fault and X-Replay-Harness-Fault)")
class FaultSpecTest {
    static FaultSpec.Parsed parse(String spec) {
        return FaultSpec.parse(spec, "@Fault on T#m");
    }

    @Nested
    @DisplayName("reads")
    class Reads {
        @Test
        @DisplayName("a status with Retry-After, a header and a body that may hold ';', plus matchers")
        void status() {
            FaultSpec.Parsed p =
                    parse("status=429; retry-after=2s; header=x-amzn-errortype:Throttling; path=/v1/*; nth=1;"
                            + " body={\"message\":\"a;b\"}");
            Fault.Status s = (Fault.Status) p.fault();
            assertThat(s.status()).isEqualTo(429);
            assertThat(s.headers().first("retry-after")).contains("2");
            assertThat(s.headers().first("x-amzn-errortype")).contains("Throttling");
            assertThat(s.body()).contains("{\"message\":\"a;b\"}");
            assertThat(p.matcher().path()).isEqualTo("/v1/*");
            assertThat(p.matcher().from()).isEqualTo(1);
            assertThat(p.matcher().to()).isEqualTo(1);
        }

        @Test
        @DisplayName("every other kind, with its options")
        void kinds() {
            assertThat(parse("reset").fault()).isEqualTo(new Fault.Transport(Fault.TransportKind.RESET, Duration.ZERO));
            assertThat(parse("refused").fault())
                    .isEqualTo(new Fault.Transport(Fault.TransportKind.REFUSED, Duration.ZERO));
            assertThat(parse("timeout;after=250ms").fault())
                    .isEqualTo(new Fault.Transport(Fault.TransportKind.TIMEOUT, Duration.ofMillis(250)));
            assertThat(parse("cut-after-events=3;reset").fault()).isEqualTo(new Fault.Cut(3, false, true));
            assertThat(parse("cut-after-bytes=100").fault()).isEqualTo(new Fault.Cut(100, true, false));
            assertThat(parse("stall=30s;before-event=2").fault()).isEqualTo(new Fault.Stall(Duration.ofSeconds(30), 2));
            assertThat(parse("malformed-event=2").fault()).isEqualTo(new Fault.Malformed(2));
            assertThat(parse("latency=1m;between-events=10ms").fault())
                    .isEqualTo(new Fault.Latency(Duration.ofMinutes(1), Duration.ofMillis(10)));
        }

        @Test
        @DisplayName("matchers: method, body pointer, recording, a range, all, a probability with its seed")
        void matchers() {
            ExchangeMatcher m = parse("reset;method=post;body-at=/stream=true;recording=ab.json;nth=2-;probability=0.5;"
                            + "seed=42")
                    .matcher();
            assertThat(m)
                    .isEqualTo(new ExchangeMatcher(
                            "POST", null, "/stream", "true", "ab.json", 2, Integer.MAX_VALUE, 0.5, 42));
            assertThat(parse("reset;nth=all").matcher()).isEqualTo(ExchangeMatcher.any());
        }

        @Test
        @DisplayName("what describe() writes reads back as the same declaration")
        void roundTrip() {
            for (String spec : new String[] {
                "status=503;retry-after=1s;method=POST;path=/x;nth=1-3",
                "cut-after-events=2;reset;body-at=/model=m",
                "stall=2s;before-event=3;probability=0.25;seed=7",
                "latency=100ms;between-events=5ms;recording=a.json;nth=4-"
            }) {
                FaultSpec.Parsed p = parse(spec);
                assertThat(p.fault().describe() + p.matcher().describe()).isEqualTo(spec);
            }
        }
    }

    @Nested
    @DisplayName("rejects, naming the declaration, where it was declared and the syntax")
    class Rejects {
        @Test
        @DisplayName("an unknown fault kind")
        void unknownKind() {
            assertThatThrownBy(() -> parse("explode=3;nth=1"))
                    .isInstanceOf(FaultDeclarationException.class)
                    .hasMessageStartingWith("Fault 'explode=3;nth=1' (@Fault on T#m): unknown fault kind 'explode'.")
                    .hasMessageContaining("Fault kinds: status=<code>");
        }

        @Test
        @DisplayName("a negative duration")
        void negativeDuration() {
            assertThatThrownBy(() -> parse("stall=-5s"))
                    .isInstanceOf(FaultDeclarationException.class)
                    .hasMessageStartingWith("Fault 'stall=-5s' (@Fault on T#m): stall duration -5s is negative.");
        }

        @Test
        @DisplayName("a duration too long to wait, naming it")
        void hugeDuration() {
            assertThatThrownBy(() -> parse("stall=99999999999999999999m"))
                    .isInstanceOf(FaultDeclarationException.class)
                    .hasMessageStartingWith("Fault 'stall=99999999999999999999m' (@Fault on T#m): stall="
                            + "99999999999999999999m is too long");
            assertThatThrownBy(() -> parse("latency=9223372036854775807m"))
                    .isInstanceOf(FaultDeclarationException.class)
                    .hasMessageContaining("latency=9223372036854775807m is too long");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "nth=1",
                    "reset;timeout",
                    "cut-after-events=x",
                    "stall=5 seconds",
                    "status=700",
                    "reset;colour=red",
                    "malformed-event=0",
                    "reset;nth=3-1",
                    "reset;probability=2"
                })
        @DisplayName("no kind, two kinds, a bad number, duration, status, option, event, range or probability")
        void otherMistakes(String spec) {
            assertThatThrownBy(() -> parse(spec))
                    .isInstanceOf(FaultDeclarationException.class)
                    .hasMessageStartingWith("Fault '" + spec + "' (@Fault on T#m): ")
                    .hasMessageContaining("; matchers: method=<method>");
        }
    }

    @Test
    @DisplayName("an injected status sends every value declared for a header, in place of the default of that name")
    void statusKeepsEveryHeaderValue() {
        Faults faults = new Faults("T#m", false);
        FaultDeclaration d = faults.on(ExchangeMatcher.any())
                .status(503)
                .header("content-type", "text/plain")
                .header("x-reason", "a")
                .header("x-reason", "b")
                .declaration();
        dev.replayharness.core.replay.ReplayedResponse r = FaultInjection.status(
                (Fault.Status) d.fault(),
                dev.replayharness.core.http.OutgoingRequest.of(
                        "POST", java.net.URI.create("http://127.0.0.1:1/v1/chat/completions")),
                d.describe());
        assertThat(r.headers().all("x-reason")).containsExactly("a", "b");
        assertThat(r.headers().all("content-type")).containsExactly("text/plain");
    }

    @Test
    @DisplayName("an injected status body is the provider's envelope: Bedrock's for Bedrock paths, OpenAI's otherwise")
    void envelopes() {
        assertThat(ErrorEnvelope.BEDROCK.body(429))
                .isEqualTo("{\"message\":\"Too many requests, please wait before trying again.\"}");
        assertThat(ErrorEnvelope.BEDROCK.errorType(429)).isEqualTo("ThrottlingException");
        assertThat(ErrorEnvelope.OPENAI.body(401))
                .isEqualTo("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"invalid_request_error\"}}");
        assertThat(ErrorEnvelope.forRequest(dev.replayharness.core.http.OutgoingRequest.of(
                        "POST", java.net.URI.create("http://127.0.0.1:1/openai/v1/chat/completions"))))
                .isEqualTo(ErrorEnvelope.BEDROCK);
        assertThat(ErrorEnvelope.forRequest(dev.replayharness.core.http.OutgoingRequest.of(
                        "POST", java.net.URI.create("http://127.0.0.1:1/v1/chat/completions"))))
                .isEqualTo(ErrorEnvelope.OPENAI);
    }
}
