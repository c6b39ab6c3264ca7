package dev.replayharness.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import dev.replayharness.bedrock.nativeapi.emulator.NativeEmulator;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.ConnectionCountingServer;

/**
 * Faults through the AWS SDK's synchronous client (Converse): the injected status carries Bedrock's error type, so
 * the SDK raises its own modelled exception; a transport fault is the SDK's client exception.
 */
@DisplayName("Faults through the AWS SDK (Converse)")
class AwsSdkFaultTest {
    @TempDir
    Path recordings;

    final NativeEmulator emulator = NativeEmulator.start();
    ConnectionCountingServer sentinel;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    Harness harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("bedrock-native")
                .mode(mode)
                .sleeper(waits::add)
                .build();
    }

    @BeforeEach
    void record() throws Exception {
        try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                BedrockRuntimeClient client = AwsClients.sync(
                        emulator.endpoint(), HarnessAws.wrap(ApacheHttpClient.create(), session), AwsClients.CANARY)) {
            assertThat(HarnessAwsTest.converse(client, HarnessAwsTest.EARTH)).isEqualTo(HarnessAwsTest.EARTH_ANSWER);
        }
        sentinel = new ConnectionCountingServer();
    }

    @AfterEach
    void stop() throws Exception {
        sentinel.close();
        emulator.close();
    }

    BedrockRuntimeClient replaying(HarnessSession session) {
        return AwsClients.sync(sentinel.uri(""), HarnessAws.wrap(ApacheHttpClient.create(), session), AwsClients.DUMMY);
    }

    @Test
    @DisplayName("status 429 on the first call: the SDK's ThrottlingException; the next call replays the answer")
    void throttled() {
        try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                BedrockRuntimeClient client = replaying(session)) {
            session.faults().declare("status=429;nth=1", "test");
            assertThat(catchThrowable(() -> HarnessAwsTest.converse(client, HarnessAwsTest.EARTH)))
                    .isInstanceOf(ThrottlingException.class)
                    .hasMessageContaining("Too many requests");
            assertThat(HarnessAwsTest.converse(client, HarnessAwsTest.EARTH)).isEqualTo(HarnessAwsTest.EARTH_ANSWER);
        }
        assertThat(sentinel.acceptedConnections()).isZero();
    }

    @Test
    @DisplayName("status 503: the SDK's ServiceUnavailableException")
    void unavailable() {
        try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                BedrockRuntimeClient client = replaying(session)) {
            session.faults().declare("status=503", "test");
            assertThat(catchThrowable(() -> HarnessAwsTest.converse(client, HarnessAwsTest.EARTH)))
                    .isInstanceOf(ServiceUnavailableException.class);
        }
    }

    @Test
    @DisplayName("reset: the SDK's SdkClientException over the injected reset")
    void reset() {
        try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                BedrockRuntimeClient client = replaying(session)) {
            session.faults().declare("reset", "test");
            assertThat(catchThrowable(() -> HarnessAwsTest.converse(client, HarnessAwsTest.EARTH)))
                    .isInstanceOf(SdkClientException.class)
                    .rootCause()
                    .hasMessageStartingWith("Connection reset (injected by Replay Harness");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "refused, java.net.ConnectException, Connection refused (injected by Replay Harness",
        "timeout, java.net.SocketTimeoutException, Read timed out (injected by Replay Harness"
    })
    @DisplayName("refused, timeout: the SDK's SdkClientException over the socket's own exception")
    void transport(String kind, Class<?> cause, String message) {
        assertThat(converseUnder(kind))
                .isInstanceOf(SdkClientException.class)
                .rootCause()
                .isInstanceOf(cause)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cut-after-bytes=20", "cut-after-bytes=20;reset", "malformed-event=1"})
    @DisplayName("a cut JSON body (with or without a reset), a malformed one: the SDK cannot unmarshall the response")
    void brokenBody(String declaration) {
        assertThat(converseUnder(declaration))
                .isInstanceOf(SdkClientException.class)
                .hasMessageStartingWith("Unable to unmarshall response");
    }

    @Test
    @DisplayName(
            "cut after its one event with a reset: the SDK has read the whole JSON answer and never sees the reset")
    void cutAfterWholeBody() {
        try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                BedrockRuntimeClient client = replaying(session)) {
            session.faults().declare("cut-after-events=1;reset", "test");
            assertThat(HarnessAwsTest.converse(client, HarnessAwsTest.EARTH)).isEqualTo(HarnessAwsTest.EARTH_ANSWER);
        }
    }

    @Test
    @DisplayName("stall and latency: the answer, after the waits on the harness's sleeper")
    void stallAndLatency() {
        for (String declaration : List.of("stall=30s", "latency=2s")) {
            try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeClient client = replaying(session)) {
                session.faults().declare(declaration, "test");
                assertThat(HarnessAwsTest.converse(client, HarnessAwsTest.EARTH))
                        .isEqualTo(HarnessAwsTest.EARTH_ANSWER);
            }
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /** What one Converse call throws under {@code declaration}, with no connection made. */
    Throwable converseUnder(String declaration) {
        try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                BedrockRuntimeClient client = replaying(session)) {
            session.faults().declare(declaration, "test");
            return catchThrowable(() -> HarnessAwsTest.converse(client, HarnessAwsTest.EARTH));
        } finally {
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }
}
