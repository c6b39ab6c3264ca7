package dev.replayharness.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.replayharness.benchmarks.fixtures.ChatExchange;
import dev.replayharness.benchmarks.fixtures.Clients;
import dev.replayharness.benchmarks.fixtures.WireMockStubs;

/**
 * The same exchange as {@link ReplayBenchmark}, answered by WireMock from 10, 1,000 or 10,000 equivalent
 * stubs over real loopback HTTP (keep-alive connections, HTTP/1.1). Server and client share this JVM and
 * its two cores, as they would in a test run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class WireMockBenchmark {
    @Param({"10", "1000", "10000"})
    public int recordings;

    private WireMockServer server;
    private URI uri;
    private byte[] requestBody;
    private HttpClient jdkClient;
    private HttpRequest jdkRequest;
    private CloseableHttpClient apacheClient;

    @Setup(Level.Trial)
    public void setUp() {
        server = WireMockStubs.start(recordings);
        uri = URI.create("http://127.0.0.1:" + server.port() + ChatExchange.PATH);
        requestBody = ChatExchange.requestBytes(0);
        jdkClient = Clients.jdk();
        jdkRequest = Clients.jdkPost(uri, requestBody, "application/json");
        apacheClient = HttpClients.createDefault();
        byte[] expected = ChatExchange.responseJson(0).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(
                expected, Clients.execute(apacheClient, Clients.apachePost(uri, requestBody, "application/json")))) {
            throw new IllegalStateException("WireMock did not answer with the response of variant 0");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        apacheClient.close();
        server.stop();
    }

    @Benchmark
    public byte[] jdk() throws IOException, InterruptedException {
        return jdkClient
                .send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    @Benchmark
    public byte[] apache() {
        return Clients.execute(apacheClient, Clients.apachePost(uri, requestBody, "application/json"));
    }
}
