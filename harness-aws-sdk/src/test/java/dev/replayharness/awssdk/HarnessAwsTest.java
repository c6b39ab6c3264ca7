package dev.replayharness.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import dev.replayharness.bedrock.nativeapi.emulator.NativeEmulator;
import dev.replayharness.bedrock.nativeapi.emulator.NativeFault;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.testing.ConnectionCountingServer;

@DisplayName("HarnessAws: the AWS SDK's HTTP clients recorded against the native emulator and replayed offline")
class HarnessAwsTest {
    static final String MODEL = NativeEmulator.MODEL;
    static final String EARTH = "Which planet do humans live on?";
    static final String EARTH_ANSWER =
            "Humans live on **Earth**, the third planet from the Sun and the only one known to support life.";

    @TempDir
    Path recordings;

    final NativeEmulator emulator = NativeEmulator.start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    Harness harness(Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("bedrock-native")
                .mode(mode)
                .build();
    }

    enum SyncClient {
        APACHE(ApacheHttpClient::create),
        URL_CONNECTION(UrlConnectionHttpClient::create);

        final Supplier<SdkHttpClient> create;

        SyncClient(Supplier<SdkHttpClient> create) {
            this.create = create;
        }
    }

    static Message user(String text) {
        return Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText(text))
                .build();
    }

    static String converse(BedrockRuntimeClient client, String prompt) {
        return client.converse(r -> r.modelId(MODEL).messages(user(prompt)))
                .output()
                .message()
                .content()
                .get(1)
                .text();
    }

    /** The text of a ConverseStream, and its error (null if none). */
    record Streamed(String text, int events, Throwable error) {}

    static Streamed converseStream(BedrockRuntimeAsyncClient client, String prompt) throws InterruptedException {
        EventCollector<ConverseStreamOutput> collector = new EventCollector<>();
        Throwable error = null;
        try {
            client.converseStream(
                            r -> r.modelId(MODEL).messages(user(prompt)),
                            ConverseStreamResponseHandler.builder()
                                    .subscriber(() -> collector)
                                    .build())
                    .join();
        } catch (CompletionException e) {
            error = e.getCause();
        }
        List<ConverseStreamOutput> events = collector.awaitEnd();
        StringBuilder text = new StringBuilder();
        events.stream()
                .filter(ContentBlockDeltaEvent.class::isInstance)
                .map(e -> ((ContentBlockDeltaEvent) e).delta().text())
                .filter(t -> t != null)
                .forEach(text::append);
        return new Streamed(text.toString(), events.size(), error);
    }

    String files() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> paths = Files.walk(recordings)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    @Nested
    @DisplayName("a synchronous client")
    class Sync {
        @ParameterizedTest(name = "{0}")
        @EnumSource(SyncClient.class)
        @DisplayName("records a Converse call, then replays it with dummy credentials and no connection")
        void converseRoundTrip(SyncClient kind) throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeClient client = AwsClients.sync(
                            emulator.endpoint(), HarnessAws.wrap(kind.create.get(), session), AwsClients.CANARY)) {
                assertThat(converse(client, EARTH)).isEqualTo(EARTH_ANSWER);
            }
            assertThat(emulator.requests()).hasSize(1);
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
                try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                        BedrockRuntimeClient client = AwsClients.sync(
                                sentinel.uri(""), HarnessAws.wrap(kind.create.get(), session), AwsClients.DUMMY)) {
                    assertThat(converse(client, EARTH)).isEqualTo(EARTH_ANSWER);
                }
                assertThat(sentinel.acceptedConnections()).isZero();
            }
            assertThat(emulator.requests()).hasSize(1);
        }

        @Test
        @DisplayName("records and replays invokeModel, the body byte for byte")
        void invokeModel() throws Exception {
            SdkBytes body = SdkBytes.fromUtf8String(
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Write a haiku about coding\"}]}");
            String recorded;
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeClient client = AwsClients.sync(
                            emulator.endpoint(),
                            HarnessAws.wrap(ApacheHttpClient.create(), session),
                            AwsClients.CANARY)) {
                recorded = client.invokeModel(r -> r.modelId(MODEL).body(body))
                        .body()
                        .asUtf8String();
            }
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeClient client = AwsClients.sync(
                            sentinel.uri(""), HarnessAws.wrap(ApacheHttpClient.create(), session), AwsClients.DUMMY)) {
                assertThat(client.invokeModel(r -> r.modelId(MODEL).body(body))
                                .body()
                                .asUtf8String())
                        .isEqualTo(recorded)
                        .contains("Tests bring back the dawn");
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName("replays a recorded error as the SDK's typed exception")
        void typedError() throws Exception {
            emulator.enqueue(NativeFault.http(NativeFault.Kind.THROTTLING));
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeClient client = AwsClients.sync(
                            emulator.endpoint(),
                            HarnessAws.wrap(ApacheHttpClient.create(), session),
                            AwsClients.CANARY)) {
                assertThat(catchThrowable(() -> converse(client, EARTH))).isInstanceOf(ThrottlingException.class);
            }
            try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeClient client = AwsClients.sync(
                            emulator.endpoint(),
                            HarnessAws.wrap(ApacheHttpClient.create(), session),
                            AwsClients.DUMMY)) {
                Throwable replayed = catchThrowable(() -> converse(client, EARTH));
                assertThat(replayed).isInstanceOf(ThrottlingException.class);
                assertThat(((ThrottlingException) replayed).statusCode()).isEqualTo(429);
            }
            assertThat(emulator.requests()).hasSize(1);
        }

        @Test
        @DisplayName("a request with no recording fails the test with ReplayMissError, and sends nothing")
        void miss() throws Exception {
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeClient client = AwsClients.sync(
                            sentinel.uri(""), HarnessAws.wrap(ApacheHttpClient.create(), session), AwsClients.DUMMY)) {
                assertThat(catchThrowable(() -> converse(client, EARTH)))
                        .isInstanceOf(ReplayMissError.class)
                        .hasMessageContaining("/model/openai.gpt-oss-20b-1%3A0/converse");
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("the asynchronous client (Netty)")
    class Async {
        BedrockRuntimeAsyncClient client(
                HarnessSession session,
                java.net.URI endpoint,
                software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
            return AwsClients.async(
                    endpoint, HarnessAws.wrapAsync(NettyNioAsyncHttpClient.create(), session), credentials);
        }

        @Test
        @DisplayName("records a ConverseStream, then replays every event with dummy credentials and no connection")
        void streamed() throws Exception {
            Streamed recorded;
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.CANARY)) {
                recorded = converseStream(client, EARTH);
            }
            assertThat(recorded.error()).isNull();
            assertThat(recorded.text()).isEqualTo(EARTH_ANSWER);
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
                try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                        BedrockRuntimeAsyncClient client = client(session, sentinel.uri(""), AwsClients.DUMMY)) {
                    assertThat(converseStream(client, EARTH)).isEqualTo(recorded);
                }
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }

        @Test
        @DisplayName(
                "while recording, frames pass through as they arrive: the caller sees frame 1 while upstream holds frame 2")
        void passesFramesThrough() throws Exception {
            emulator.gate().holdAfter(1);
            java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
            List<ConverseStreamOutput> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.CANARY)) {
                var done = client.converseStream(
                        r -> r.modelId(MODEL).messages(user(EARTH)),
                        ConverseStreamResponseHandler.builder()
                                .subscriber(event -> {
                                    events.add(event);
                                    first.countDown();
                                })
                                .build());
                assertThat(first.await(30, java.util.concurrent.TimeUnit.SECONDS))
                        .as("frame 1 reached the caller")
                        .isTrue();
                assertThat(events).hasSize(1);
                emulator.gate().release();
                done.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.DUMMY)) {
                assertThat(converseStream(client, EARTH).text()).isEqualTo(EARTH_ANSWER);
            }
        }

        @Test
        @DisplayName("a stream that failed mid-way replays the frames before the failure, then the typed exception")
        void failedMidway() throws Exception {
            emulator.enqueue(NativeFault.midStream(NativeFault.Kind.THROTTLING, 3));
            Streamed recorded;
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.CANARY)) {
                recorded = converseStream(client, EARTH);
            }
            assertThat(recorded.events()).isEqualTo(3);
            assertThat(recorded.error()).isInstanceOf(ThrottlingException.class);
            try (HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.DUMMY)) {
                Streamed replayed = converseStream(client, EARTH);
                assertThat(replayed.events()).isEqualTo(3);
                assertThat(replayed.error())
                        .isInstanceOf(ThrottlingException.class)
                        .hasMessageContaining("Too many requests, please wait before trying again.");
            }
            assertThat(emulator.requests()).hasSize(1);
        }

        @Test
        @DisplayName("records and replays a non-streaming Converse call")
        void nonStreaming() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, emulator.endpoint(), AwsClients.CANARY)) {
                client.converse(r -> r.modelId(MODEL).messages(user(EARTH))).join();
            }
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeAsyncClient client = client(session, sentinel.uri(""), AwsClients.DUMMY)) {
                assertThat(client.converse(r -> r.modelId(MODEL).messages(user(EARTH)))
                                .join()
                                .output()
                                .message()
                                .content()
                                .get(1)
                                .text())
                        .isEqualTo(EARTH_ANSWER);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("what reaches the recordings")
    class Secrets {
        @Test
        @DisplayName("no SigV4 header, SDK header or credential: the emulator got them all, the files none")
        void sigV4() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeClient sync = AwsClients.sync(
                            emulator.endpoint(),
                            HarnessAws.wrap(ApacheHttpClient.create(), session),
                            AwsClients.CANARY);
                    BedrockRuntimeAsyncClient async = AwsClients.async(
                            emulator.endpoint(),
                            HarnessAws.wrapAsync(NettyNioAsyncHttpClient.create(), session),
                            AwsClients.CANARY)) {
                converse(sync, EARTH);
                converseStream(async, "Write a haiku about coding");
            }
            var sent = emulator.requests().get(0);
            assertThat(sent.header("Authorization"))
                    .get()
                    .asString()
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + AwsClients.ACCESS_KEY_ID);
            assertThat(sent.header("X-Amz-Security-Token")).hasValue(AwsClients.SESSION_TOKEN);
            assertThat(sent.header("amz-sdk-invocation-id")).isPresent();
            String files = files().toLowerCase(java.util.Locale.ROOT);
            assertThat(files).contains("/model/openai.gpt-oss-20b-1%3a0/converse");
            for (String forbidden : List.of(
                    "authorization",
                    "x-amz-date",
                    "x-amz-security-token",
                    "x-amz-content-sha256",
                    "amz-sdk-invocation-id",
                    "amz-sdk-request",
                    "user-agent",
                    "aws-sdk-java",
                    "aws4-hmac-sha256",
                    AwsClients.ACCESS_KEY_ID,
                    AwsClients.SECRET_KEY,
                    AwsClients.SESSION_TOKEN)) {
                assertThat(files)
                        .as("the recordings hold " + forbidden)
                        .doesNotContain(forbidden.toLowerCase(java.util.Locale.ROOT));
            }
        }

        @Test
        @DisplayName("a Bedrock API key (bearer) enters no file, and replay works with a dummy key")
        void bearer() throws Exception {
            try (HarnessSession session = harness(Mode.RECORD).sharedSession();
                    BedrockRuntimeClient client = AwsClients.bearer(
                            emulator.endpoint(),
                            HarnessAws.wrap(ApacheHttpClient.create(), session),
                            AwsClients.BEARER_KEY)) {
                assertThat(converse(client, EARTH)).isEqualTo(EARTH_ANSWER);
            }
            assertThat(emulator.requests().get(0).header("Authorization")).hasValue("Bearer " + AwsClients.BEARER_KEY);
            assertThat(files()).doesNotContain(AwsClients.BEARER_KEY).doesNotContain("Bearer");
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    HarnessSession session = harness(Mode.REPLAY).sharedSession();
                    BedrockRuntimeClient client = AwsClients.bearer(
                            sentinel.uri(""),
                            HarnessAws.wrap(UrlConnectionHttpClient.create(), session),
                            "dummy-bedrock-key")) {
                assertThat(converse(client, EARTH)).isEqualTo(EARTH_ANSWER);
                assertThat(sentinel.acceptedConnections()).isZero();
            }
        }
    }
}
