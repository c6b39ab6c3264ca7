package dev.replayharness.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import dev.replayharness.bedrock.nativeapi.emulator.NativeEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.ConnectionCountingServer;

/**
 * Every fault kind through the AWS SDK's asynchronous client (Netty, {@code HarnessAws.wrapAsync}) on a
 * ConverseStream recorded from the native emulator: what the SDK's caller sees, its own exception types and the
 * events before a cut.
 */
@DisplayName("Faults through the AWS SDK's async client (Netty, ConverseStream)")
class AwsSdkAsyncFaultTest {
    @TempDir
    Path recordings;

    final NativeEmulator emulator = NativeEmulator.start();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    ConnectionCountingServer sentinel;
    HarnessAwsTest.Streamed recorded;

    Harness harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("bedrock-native")
                .mode(mode)
                .sleeper(waits::add)
                .build();
    }

    static BedrockRuntimeAsyncClient client(
            HarnessSession session,
            java.net.URI endpoint,
            software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return AwsClients.async(endpoint, HarnessAws.wrapAsync(NettyNioAsyncHttpClient.create(), session), credentials);
    }

    @BeforeEach
    void record() throws Exception {
        try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.CANARY)) {
            recorded = HarnessAwsTest.converseStream(client, HarnessAwsTest.EARTH);
        }
        assertThat(recorded.error()).isNull();
        assertThat(recorded.events()).isGreaterThan(3);
        sentinel = new ConnectionCountingServer();
    }

    @AfterEach
    void stop() throws Exception {
        sentinel.close();
        emulator.close();
    }

    /** One ConverseStream replayed under {@code declarations}, with no connection made. */
    HarnessAwsTest.Streamed replay(String... declarations) throws Exception {
        try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                BedrockRuntimeAsyncClient client = client(session, sentinel.uri(""), AwsClients.DUMMY)) {
            for (String d : declarations) {
                session.faults().declare(d, "test");
            }
            return stream(client);
        } finally {
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }

    @Nested
    @DisplayName("replacing the response")
    class Replacing {
        @Test
        @DisplayName("status 429: the SDK's ThrottlingException, with Bedrock's message, and no event")
        void throttled() throws Exception {
            HarnessAwsTest.Streamed s = replay("status=429;retry-after=2s");
            assertThat(s.error()).isInstanceOf(ThrottlingException.class).hasMessageContaining("Too many requests");
            assertThat(s.events()).isZero();
        }

        @Test
        @DisplayName("status 503: the SDK's ServiceUnavailableException")
        void unavailable() throws Exception {
            assertThat(replay("status=503").error()).isInstanceOf(ServiceUnavailableException.class);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "reset, java.net.SocketException, Connection reset (injected by Replay Harness",
            "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
            "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
        })
        @DisplayName("reset, refused, timeout: the SDK's SdkClientException over the socket's own exception, no hang")
        void transport(String kind, Class<?> cause, String message) throws Exception {
            HarnessAwsTest.Streamed s = replay(kind);
            assertThat(s.error())
                    .isInstanceOf(SdkClientException.class)
                    .rootCause()
                    .isInstanceOf(cause)
                    .hasMessageStartingWith(message);
            assertThat(s.events()).isZero();
        }
    }

    @Nested
    @DisplayName("shaping the recorded event stream")
    class Shaping {
        @Test
        @DisplayName("cut after 2 events: the SDK's stream ends cleanly after the recording's first 2 events")
        void cutAfterEvents() throws Exception {
            HarnessAwsTest.Streamed s = replay("cut-after-events=2");
            assertThat(s.error()).isNull();
            assertThat(s.events()).isEqualTo(2);
        }

        @Test
        @DisplayName("cut after 2 events with a reset: at most those 2 events, then SdkClientException over the reset")
        void cutWithReset() throws Exception {
            HarnessAwsTest.Streamed s = replay("cut-after-events=2;reset");
            // The SDK fails the stream as soon as the reset arrives, possibly before handing over the last frame.
            assertThat(s.events()).isBetween(1, 2);
            assertThat(s.error())
                    .isInstanceOf(SdkClientException.class)
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }

        @Test
        @DisplayName("cut after 30 bytes (inside the first frame): the SDK drops the partial frame and ends, no event")
        void cutAfterBytes() throws Exception {
            HarnessAwsTest.Streamed s = replay("cut-after-bytes=30");
            assertThat(s.error()).isNull();
            assertThat(s.events()).isZero();
        }

        @Test
        @DisplayName("cut after 30 bytes with a reset: no event, then SdkClientException over the reset")
        void cutAfterBytesWithReset() throws Exception {
            HarnessAwsTest.Streamed s = replay("cut-after-bytes=30;reset");
            assertThat(s.events()).isZero();
            assertThat(s.error())
                    .isInstanceOf(SdkClientException.class)
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }

        @Test
        @DisplayName("malformed event 2 (a truncated frame): event 1, then the SDK's checksum failure")
        void malformedEvent() throws Exception {
            HarnessAwsTest.Streamed s = replay("malformed-event=2");
            assertThat(s.events()).isEqualTo(1);
            assertThat(s.error())
                    .isInstanceOf(SdkClientException.class)
                    .rootCause()
                    .hasMessageContaining("checksum");
        }

        @Test
        @DisplayName("stall before event 3: every event and the whole answer, after 30 s on the harness's sleeper")
        void stall() throws Exception {
            HarnessAwsTest.Streamed s = replay("stall=30s;before-event=3");
            assertThat(s).isEqualTo(recorded);
            assertThat(waits).containsExactly(Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("latency: every event, after 1 s before the first and 100 ms before each later one")
        void latency() throws Exception {
            HarnessAwsTest.Streamed s = replay("latency=1s;between-events=100ms");
            assertThat(s).isEqualTo(recorded);
            assertThat(waits).first().isEqualTo(Duration.ofSeconds(1));
            assertThat(waits.subList(1, waits.size()))
                    .hasSize(recorded.events() - 1)
                    .containsOnly(Duration.ofMillis(100));
        }
    }

    /** As HarnessAwsTest.converseStream, but a stream that never ends fails the test instead of hanging it. */
    static HarnessAwsTest.Streamed stream(BedrockRuntimeAsyncClient client) throws Exception {
        EventCollector<software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput> collector =
                new EventCollector<>();
        Throwable error = null;
        try {
            client.converseStream(
                            r -> r.modelId(HarnessAwsTest.MODEL).messages(HarnessAwsTest.user(HarnessAwsTest.EARTH)),
                            software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler.builder()
                                    .subscriber(() -> collector)
                                    .build())
                    .get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            error = e.getCause();
        }
        // A call that failed before any response never subscribes: nothing to wait for.
        var events = error != null && !collector.subscribed() ? List.<Object>of() : collector.awaitEnd();
        StringBuilder text = new StringBuilder();
        events.stream()
                .filter(software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent.class::isInstance)
                .map(e -> ((software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent) e)
                        .delta()
                        .text())
                .filter(t -> t != null)
                .forEach(text::append);
        return new HarnessAwsTest.Streamed(text.toString(), events.size(), error);
    }
}
