package dev.replayharness.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    Harness harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("bedrock-native")
                .mode(mode)
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
}
