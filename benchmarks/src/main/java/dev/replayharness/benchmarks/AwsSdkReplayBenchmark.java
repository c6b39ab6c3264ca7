package dev.replayharness.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.ConstantSdkClients;
import dev.replayharness.benchmarks.fixtures.EventStreamUpstream;
import dev.replayharness.benchmarks.fixtures.SdkSessionSwitch;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RepeatPolicy;
import dev.replayharness.core.jdk.JdkHarness;

/**
 * Replay through the AWS SDK for Java v2 (issue 14 §9), beside {@code java.net.http} replaying the same recordings:
 * a {@value #FRAMES}-frame ConverseStream through {@code BedrockRuntimeAsyncClient} on Netty (scores in frames/s:
 * {@link OperationsPerInvocation} is the frame count) and a non-streaming Converse through
 * {@code BedrockRuntimeClient} on the Apache client (calls/s). The recordings are made in the setup by the harness
 * itself, recording the SDK against a loopback upstream ({@link EventStreamUpstream}), so the benchmark follows
 * whatever format the engine stores event streams in. A fresh replay session per exchange (one per test, as the
 * other replay benchmarks): the SDK clients are built once (that costs milliseconds) on
 * {@link SdkSessionSwitch} clients that wrap the Apache and Netty clients for each exchange's session; the JDK rows
 * wrap their client per exchange too. The {@code …NoHarness} rows run the same SDK clients on an
 * HTTP client that answers the same bytes itself ({@link ConstantSdkClients}): what the SDK alone costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AwsSdkReplayBenchmark {
    public static final int FRAMES = 200;
    static final String MODEL = "openai.gpt-oss-20b-1:0";
    static final String PROMPT = "Which planet do humans live on?";
    private static final String NAMESPACE = "aws-sdk-bench";
    private static final String TEST_ID = "bench.AwsSdk#replay";
    /** Replay sends nothing; were it to, nobody listens on the discard port. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    /** The body the SDK sends for {@link #PROMPT} (the key is canonical JSON, so member order does not matter). */
    private static final byte[] BODY = ("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"" + PROMPT
                    + "\"}]}]}")
            .getBytes(StandardCharsets.UTF_8);

    private Path root;
    private Harness replay;
    private SdkSessionSwitch.Async nettySwitch;
    private SdkSessionSwitch.Sync apacheSwitch;
    private BedrockRuntimeAsyncClient nettySdk;
    private BedrockRuntimeClient apacheSdk;
    private BedrockRuntimeAsyncClient asyncAlone;
    private BedrockRuntimeClient syncAlone;
    private HttpClient jdkDelegate;
    private HttpRequest jdkStream;
    private HttpRequest jdkConverse;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        root = Files.createTempDirectory("replay-harness-bench-aws");
        try (EventStreamUpstream upstream = EventStreamUpstream.start(FRAMES);
                HarnessSession recording = harness(dev.replayharness.core.Mode.RECORD, RepeatPolicy.SEQUENCE)
                        .session(TEST_ID)) {
            try (BedrockRuntimeAsyncClient netty = netty(upstream.endpoint(), recording);
                    BedrockRuntimeClient apache = apache(upstream.endpoint(), recording)) {
                expect(converseStream(netty), FRAMES, "recorded ConverseStream events");
                apache.converse(r -> r.modelId(MODEL).messages(user()));
            }
        }
        dev.replayharness.benchmarks.fixtures.SettledFiles.settle(root); // replayed from the cache from the start
        replay = harness(dev.replayharness.core.Mode.REPLAY, RepeatPolicy.SEQUENCE);
        nettySwitch = new SdkSessionSwitch.Async(NettyNioAsyncHttpClient.create());
        apacheSwitch = new SdkSessionSwitch.Sync(ApacheHttpClient.create());
        nettySdk = client(BedrockRuntimeAsyncClient.builder(), nettySwitch);
        apacheSdk = client(BedrockRuntimeClient.builder(), apacheSwitch);
        asyncAlone = client(
                BedrockRuntimeAsyncClient.builder(),
                ConstantSdkClients.async(EventStreamUpstream.frameList(FRAMES), "application/vnd.amazon.eventstream"));
        syncAlone = client(
                BedrockRuntimeClient.builder(),
                ConstantSdkClients.sync(
                        EventStreamUpstream.converse().getBytes(StandardCharsets.UTF_8), "application/json"));
        jdkDelegate = Clients.jdk();
        // The JDK spells the model id's ':' literally, the SDK as %3A: one canonical key (docs/recording-format.md).
        jdkStream = Clients.jdkPost(URI.create(NOWHERE + "/model/" + MODEL + "/converse-stream"), BODY, "*/*");
        jdkConverse = Clients.jdkPost(URI.create(NOWHERE + "/model/" + MODEL + "/converse"), BODY, "application/json");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        nettySdk.close();
        apacheSdk.close();
        nettySwitch.close();
        apacheSwitch.close();
        asyncAlone.close();
        syncAlone.close();
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** @return the number of events the SDK delivered ({@value #FRAMES}) */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long awsSdkNettyConverseStream() {
        try (HarnessSession session = replay.session(TEST_ID)) {
            nettySwitch.use(session);
            return converseStream(nettySdk);
        }
    }

    /** @return the bytes of the {@value #FRAMES} frames, read to the end */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long jdkConverseStream() throws IOException, InterruptedException {
        try (HarnessSession session = replay.session(TEST_ID)) {
            HttpResponse<InputStream> response =
                    JdkHarness.wrap(jdkDelegate, session).send(jdkStream, HttpResponse.BodyHandlers.ofInputStream());
            return StreamingReplayBenchmark.drain(response.body());
        }
    }

    /** @return the length of the answer's text */
    @Benchmark
    public int awsSdkApacheConverse() {
        try (HarnessSession session = replay.session(TEST_ID)) {
            apacheSwitch.use(session);
            return answerLength(apacheSdk);
        }
    }

    private static int answerLength(BedrockRuntimeClient client) {
        return client.converse(r -> r.modelId(MODEL).messages(user()))
                .output()
                .message()
                .content()
                .get(0)
                .text()
                .length();
    }

    /** The SDK alone: the same stream from an HTTP client that answers fixed frames, no harness. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long awsSdkConverseStreamNoHarness() {
        return converseStream(asyncAlone);
    }

    /** The SDK alone: the same Converse from an HTTP client that answers fixed bytes, no harness. */
    @Benchmark
    public int awsSdkConverseNoHarness() {
        return answerLength(syncAlone);
    }

    /** @return the length of the body */
    @Benchmark
    public int jdkConverse() throws IOException, InterruptedException {
        try (HarnessSession session = replay.session(TEST_ID)) {
            return JdkHarness.wrap(jdkDelegate, session)
                    .send(jdkConverse, HttpResponse.BodyHandlers.ofByteArray())
                    .body()
                    .length;
        }
    }

    static long converseStream(BedrockRuntimeAsyncClient client) {
        AtomicLong events = new AtomicLong();
        ConverseStreamRequest request =
                ConverseStreamRequest.builder().modelId(MODEL).messages(user()).build();
        client.converseStream(
                        request,
                        ConverseStreamResponseHandler.builder()
                                .subscriber(event -> events.incrementAndGet())
                                .build())
                .join();
        return events.get();
    }

    private static void expect(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
        }
    }

    private static Message user() {
        return Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText(PROMPT))
                .build();
    }

    private Harness harness(dev.replayharness.core.Mode mode, RepeatPolicy repeat) {
        return Harness.builder()
                .recordingsDirectory(root)
                .namespace(NAMESPACE)
                .mode(mode)
                .repeatPolicy(repeat)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty())
                .build();
    }

    private static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));

    private static <B extends software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeBaseClientBuilder<B, C>, C>
            C client(B builder, Object http) {
        builder.endpointOverride(NOWHERE)
                .region(Region.US_WEST_2)
                .credentialsProvider(DUMMY)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (builder instanceof BedrockRuntimeClientBuilder sync) {
            sync.httpClient((SdkHttpClient) http);
        } else {
            ((BedrockRuntimeAsyncClientBuilder) builder).httpClient((SdkAsyncHttpClient) http);
        }
        return builder.build();
    }

    private static BedrockRuntimeAsyncClient netty(URI endpoint, HarnessSession session) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(DUMMY)
                .httpClient(dev.replayharness.awssdk.HarnessAws.wrapAsync(NettyNioAsyncHttpClient.create(), session))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static BedrockRuntimeClient apache(URI endpoint, HarnessSession session) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(DUMMY)
                .httpClient(dev.replayharness.awssdk.HarnessAws.wrap(ApacheHttpClient.create(), session))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
