package dev.replayharness.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.replayharness.bedrock.nativeapi.emulator.NativeEmulator;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.junit.HarnessConfiguration;

/**
 * The injected SDK clients, end to end: {@link InjectedClientsFixture} (a {@code @Recorded} class taking
 * {@code BedrockRuntimeClient}, {@code BedrockRuntimeAsyncClient}, {@code SdkHttpClient} and
 * {@code SdkAsyncHttpClient} parameters) is run by the Jupiter engine in this JVM, first recording against the
 * native emulator, then replaying. The SDK is configured only the way an application would be, through its own
 * system properties ({@code aws.endpointUrlBedrockRuntime}, {@code aws.region}, {@code aws.accessKeyId}…).
 */
@DisplayName("SDK clients injected into @Recorded tests")
class InjectedClientsTest {
    static final String EARTH_ANSWER =
            "Humans live on **Earth**, the third planet from the Sun and the only one known to support life.";
    private static final List<String> TESTS = List.of("sync", "async", "http", "asyncHttp");

    @TempDir
    Path workspace;

    @BeforeEach
    void reset() {
        InjectedClientsFixture.SEEN.clear();
    }

    EngineExecutionResults run(String mode) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(InjectedClientsFixture.ENABLED, "true");
        parameters.put(HarnessConfiguration.MODE, mode);
        parameters.put(HarnessConfiguration.RECORDINGS_DIR, recordings().toString());
        parameters.put(
                HarnessConfiguration.REPORT_FILE,
                workspace.resolve("report.json").toString());
        parameters.put(HarnessConfiguration.SAVE_ON_FAILURE, "false");
        parameters.put(HarnessConfiguration.SECRET_ENV_VARS, "");
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(InjectedClientsFixture.class))
                .configurationParameters(parameters)
                .execute();
    }

    Path recordings() {
        return workspace.resolve("recordings");
    }

    List<Path> files() {
        try (Stream<Path> walk = Files.walk(recordings())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the fixture against the emulator with canary credentials from the SDK's default chain. */
    Map<String, Object> record(NativeEmulator emulator) throws IOException {
        record(emulator, Map.of())
                .testEvents()
                .assertStatistics(s -> s.started(4).succeeded(4));
        return new HashMap<>(InjectedClientsFixture.SEEN);
    }

    /** Runs the fixture in record mode against the emulator, with more SDK system properties. */
    EngineExecutionResults record(NativeEmulator emulator, Map<String, String> more) throws IOException {
        Files.createDirectories(recordings());
        Map<String, String> properties = new HashMap<>(more);
        properties.put("aws.endpointUrlBedrockRuntime", emulator.endpoint().toString());
        properties.put("aws.region", "us-west-2");
        properties.put("aws.accessKeyId", AwsClients.ACCESS_KEY_ID);
        properties.put("aws.secretAccessKey", AwsClients.SECRET_KEY);
        properties.put("aws.sessionToken", AwsClients.SESSION_TOKEN);
        try (SdkProperties ignored = SdkProperties.set(properties)) {
            return run("record");
        }
    }

    @Nested
    @DisplayName("in record mode")
    class Record {
        @Test
        @DisplayName("each client is wired through the session with the SDK's default credentials, region and endpoint")
        void defaults() throws IOException {
            try (NativeEmulator emulator = NativeEmulator.start()) {
                Map<String, Object> seen = record(emulator);

                assertThat(TESTS).allSatisfy(test -> assertThat(seen).containsEntry(test, EARTH_ANSWER));
                assertThat(files()).hasSize(4);
                assertThat(emulator.requests()).hasSize(4).allSatisfy(request -> {
                    assertThat(request.rawPath()).isEqualTo("/model/openai.gpt-oss-20b-1%3A0/converse");
                    // signed with the default chain's (canary) key, in the region from aws.region
                    assertThat(request.header("Authorization").orElseThrow())
                            .contains("Credential=" + AwsClients.ACCESS_KEY_ID + "/")
                            .contains("/us-west-2/bedrock/aws4_request");
                });
                for (Path file : files()) {
                    assertThat(Files.readString(file))
                            .contains("\"source\": \"emulator\"")
                            .doesNotContain(AwsClients.ACCESS_KEY_ID, AwsClients.SECRET_KEY, AwsClients.SESSION_TOKEN);
                }
            }
        }

        @Test
        @DisplayName(
                "the HTTP client implementation is the one the SDK's system property names, and each is closed when its test ends")
        void closed() throws IOException {
            TrackedHttpServices.BUILT.set(0);
            TrackedHttpServices.CLOSED.set(0);
            try (NativeEmulator emulator = NativeEmulator.start()) {
                record(
                                emulator,
                                Map.of(
                                        "software.amazon.awssdk.http.service.impl",
                                                TrackedHttpServices.Sync.class.getName(),
                                        "software.amazon.awssdk.http.async.service.impl",
                                                TrackedHttpServices.Async.class.getName()))
                        .testEvents()
                        .assertStatistics(s -> s.started(4).succeeded(4));
                assertThat(InjectedClientsFixture.SEEN).containsEntry("sync", EARTH_ANSWER);
            }
            assertThat(TrackedHttpServices.BUILT).hasValue(4);
            assertThat(TrackedHttpServices.CLOSED).hasValue(4);
        }

        @Test
        @DisplayName(
                "a system property naming a missing implementation fails the test, naming the property, the class and the fix")
        void unknownImplementation() throws IOException {
            try (NativeEmulator emulator = NativeEmulator.start()) {
                EngineExecutionResults results = record(
                        emulator, Map.of("software.amazon.awssdk.http.service.impl", "com.example.NoSuchHttpService"));
                results.testEvents().assertStatistics(s -> s.started(4).failed(2));
                assertThat(results.testEvents().failed().stream()
                                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                                        .getThrowable()
                                        .orElseThrow())
                                .map(InjectedClientsTest::messages))
                        .allSatisfy(message -> assertThat(message)
                                .contains("software.amazon.awssdk.http.service.impl")
                                .contains("com.example.NoSuchHttpService")
                                .contains("Fix the class name"));
            }
        }
    }

    /** A throwable's message and its causes' (the SDK wraps what a client builder throws). */
    static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }

    @Nested
    @DisplayName("in replay mode")
    class Replay {
        @Test
        @DisplayName(
                "every client answers from the recordings offline, with no AWS settings at all: the sentinel counts 0 connections")
        void offline() throws IOException {
            try (NativeEmulator emulator = NativeEmulator.start()) {
                record(emulator);
            }
            InjectedClientsFixture.SEEN.clear();
            try (ConnectionCountingServer sentinel = new ConnectionCountingServer();
                    SdkProperties ignored = SdkProperties.set(Map.of(
                            "aws.endpointUrlBedrockRuntime", sentinel.uri("").toString()))) {
                run("replay").testEvents().assertStatistics(s -> s.started(4).succeeded(4));
                assertThat(sentinel.acceptedConnections()).isZero();
            }
            assertThat(TESTS)
                    .allSatisfy(test -> assertThat(InjectedClientsFixture.SEEN).containsEntry(test, EARTH_ANSWER));
        }
    }
}
