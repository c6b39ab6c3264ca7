package dev.replayharness.proxy;

import static dev.replayharness.proxy.Fixtures.chat;
import static dev.replayharness.proxy.Fixtures.endTest;
import static dev.replayharness.proxy.Fixtures.harness;
import static dev.replayharness.proxy.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Mode;
import dev.replayharness.core.replay.Sleeper;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("Server-sent events pass through the proxy chunk by chunk, in record and replay mode")
class StreamingTest {
    private static final String TEST_ID = "com.example.StreamTest#streams";
    /** Generous: only reached when the proxy buffers (the test then fails), never on the normal path. */
    private static final long GUARD_SECONDS = 30;

    @TempDir
    Path recordings;

    private final TestUpstream upstream = new TestUpstream();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    /** An upstream stream that sends event 1, then waits until the client has seen it before sending the rest. */
    private AtomicBoolean latchedUpstream(CountDownLatch clientSawFirst) {
        AtomicBoolean releasedByClient = new AtomicBoolean();
        upstream.handle("/v1/latched", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            TestUpstream.event(out, "{\"n\":1}");
            try {
                releasedByClient.set(clientSawFirst.await(GUARD_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestUpstream.event(out, "{\"n\":2}");
            TestUpstream.event(out, "[DONE]");
        });
        return releasedByClient;
    }

    private static HttpRequest latchedRequest(URI base) {
        return HttpRequest.newBuilder(base.resolve("/v1/latched"))
                .header(ReplayProxy.TEST_HEADER, TEST_ID)
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}"))
                .build();
    }

    /** Reads the stream line by line; counts the latch down when the first event's data line arrives. */
    private static List<String> readReleasingAfterFirst(InputStream body, CountDownLatch sawFirst) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (line.equals("data: {\"n\":1}")) {
                    sawFirst.countDown();
                }
            }
        }
        return lines;
    }

    @Test
    @DisplayName(
            "record mode: the client sees chunk 1 before the upstream sends chunk 2, and the recording has every event")
    void recordModeStreamsEachChunk() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        AtomicBoolean releasedByClient = latchedUpstream(clientSawFirst);
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<InputStream> response =
                    Fixtures.CLIENT.send(latchedRequest(proxy.baseUri()), HttpResponse.BodyHandlers.ofInputStream());
            List<String> lines = readReleasingAfterFirst(response.body(), clientSawFirst);
            assertThat(releasedByClient)
                    .as("the client saw event 1 while the upstream still held event 2")
                    .isTrue();
            assertThat(lines).containsExactly("data: {\"n\":1}", "", "data: {\"n\":2}", "", "data: [DONE]", "");
            endTest(proxy, TEST_ID);
        }
        assertThat(events(onlyRecording())).hasSize(3);
    }

    @Test
    @DisplayName(
            "replay mode: each recorded event is written and flushed on its own (the client sees event 1 before event 2 is replayed)")
    void replayModeStreamsEachChunk() throws Exception {
        CountDownLatch unused = new CountDownLatch(0);
        latchedUpstream(unused);
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                .build()
                .start()) {
            send(HttpRequest.newBuilder(latchedRequest(proxy.baseUri()), (n, v) -> true)
                    .build());
        }
        // Give the events recorded offsets, so that replay (with replayed timing) asks the sleeper before event 2.
        Path file = onlyRecording();
        ObjectNode recording = (ObjectNode) JsonMapper.shared().readTree(Files.readString(file));
        int offset = 0;
        for (JsonNode event : recording.get("response").get("body").get("events")) {
            ((ObjectNode) event).put("offsetMs", offset);
            offset += 10;
        }
        Files.writeString(
                file, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(recording) + "\n");

        CountDownLatch clientSawFirst = new CountDownLatch(1);
        AtomicBoolean releasedByClient = new AtomicBoolean();
        AtomicInteger sleeps = new AtomicInteger();
        Sleeper sleeper = duration -> {
            if (sleeps.getAndIncrement() == 0) { // before event 2
                releasedByClient.set(clientSawFirst.await(GUARD_SECONDS, TimeUnit.SECONDS));
            }
        };
        try (ReplayProxy proxy = ReplayProxy.builder(
                        harness(recordings, Mode.REPLAY)
                                .replayTiming(true)
                                .sleeper(sleeper)
                                .build(),
                        upstream.baseUri())
                .build()
                .start()) {
            HttpResponse<InputStream> response =
                    Fixtures.CLIENT.send(latchedRequest(proxy.baseUri()), HttpResponse.BodyHandlers.ofInputStream());
            List<String> lines = readReleasingAfterFirst(response.body(), clientSawFirst);
            assertThat(releasedByClient)
                    .as("the client saw event 1 before event 2 was replayed")
                    .isTrue();
            assertThat(lines).containsExactly("data: {\"n\":1}", "", "data: {\"n\":2}", "", "data: [DONE]", "");
            assertThat(sleeps).hasValue(2);
        }
    }

    @Test
    @DisplayName("closing the proxy lets a stream in flight finish, then writes its recording")
    void gracefulClose() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean released = latchedUpstream(release);
        ReplayProxy proxy = ReplayProxy.builder(harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                .build()
                .start();
        HttpResponse<InputStream> response =
                Fixtures.CLIENT.send(latchedRequest(proxy.baseUri()), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("data: {\"n\":1}");
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            Future<?> closing = closer.submit(proxy::close);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            while (accepts(proxy.baseUri()) && System.nanoTime() < deadline) {
                Thread.sleep(10); // until the proxy stops accepting connections: the shutdown has begun
            }
            assertThat(accepts(proxy.baseUri()))
                    .as("the closing proxy refuses new connections")
                    .isFalse();
            assertThat(closing).isNotDone();
            release.countDown();
            List<String> rest = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rest.add(line);
            }
            assertThat(rest).containsExactly("", "data: {\"n\":2}", "", "data: [DONE]", "");
            closing.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } finally {
            closer.shutdownNow();
        }
        assertThat(released).isTrue();
        assertThat(events(onlyRecording())).hasSize(3);
    }

    private static boolean accepts(URI base) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    @DisplayName(
            "a client that disconnects mid-stream leaves a complete recording (the rest is drained), and the proxy keeps serving")
    void clientDisconnectMidStream() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        int events = 300;
        String padding = "x".repeat(1000);
        upstream.handle("/v1/long", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            TestUpstream.event(out, "{\"n\":0}");
            try {
                clientGone.await(GUARD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 1; i < events; i++) {
                TestUpstream.event(out, "{\"n\":" + i + ",\"pad\":\"" + padding + "\"}");
            }
            TestUpstream.event(out, "[DONE]");
        });
        try (Fixtures.CapturedLog log = new Fixtures.CapturedLog();
                ReplayProxy proxy = ReplayProxy.builder(
                                harness(recordings, Mode.RECORD).build(), upstream.baseUri())
                        .build()
                        .start()) {
            try (Socket socket =
                    new Socket(proxy.baseUri().getHost(), proxy.baseUri().getPort())) {
                String body = "{\"stream\":true}";
                socket.getOutputStream()
                        .write(("POST /v1/long HTTP/1.1\r\nHost: x\r\n" + ReplayProxy.TEST_HEADER + ": "
                                        + TEST_ID + "\r\nContent-Type: application/json\r\nContent-Length: "
                                        + body.length() + "\r\n\r\n"
                                        + body)
                                .getBytes(StandardCharsets.UTF_8));
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                for (String line = reader.readLine();
                        line != null && !line.startsWith("data: {\"n\":0}");
                        line = reader.readLine()) {
                    // headers and chunk sizes
                }
                socket.setSoLinger(true, 0); // reset, not a graceful close: the proxy's next write fails
            }
            clientGone.countDown();

            HttpResponse<String> next = send(chat(proxy.baseUri(), "com.example.Other#test", "still there?", false)
                    .build());
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).contains("still there?");

            JsonNode summary =
                    JsonMapper.shared().readTree(endTest(proxy, TEST_ID).body());
            assertThat(summary.get("recorded")).hasSize(1);
            assertThat(log.lines).anyMatch(l -> l.contains("the client left during POST /v1/long"));
        }
        Path recording = Files.list(recordings.resolve(Fixtures.NAMESPACE))
                .filter(f -> readUnchecked(f).contains("\"testId\": \"" + TEST_ID + "\""))
                .findFirst()
                .orElseThrow();
        List<JsonNode> recorded = events(recording);
        assertThat(recorded).hasSize(events + 1);
        assertThat(recorded.get(events - 1).get("data").get("n").intValue()).isEqualTo(events - 1);
        assertThat(Files.readString(recording)).doesNotContain("interrupted");
    }

    @Test
    @DisplayName(
            "an upstream that fails mid-stream: the client's response fails too, and replay fails at the same point")
    void upstreamFailureMidStream() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        try (ServerSocket broken = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = broken.accept()) {
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[8192];
                    String request = "";
                    while (!request.contains("\r\n\r\n") || !request.endsWith("}")) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            break;
                        }
                        request += new String(buffer, 0, n, StandardCharsets.UTF_8);
                    }
                    String event = "data: {\"n\":1}\n\n";
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                            + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(event.length())
                                            + "\r\n" + event + "\r\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    clientSawFirst.await(GUARD_SECONDS, TimeUnit.SECONDS);
                    socket.setSoLinger(true, 0); // the connection breaks before the stream ends
                } catch (IOException e) {
                    // the test then fails on what the client sees
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            URI brokenUpstream = URI.create("http://127.0.0.1:" + broken.getLocalPort());
            try (ReplayProxy proxy = ReplayProxy.builder(
                            harness(recordings, Mode.RECORD).build(), brokenUpstream)
                    .build()
                    .start()) {
                HttpResponse<InputStream> response = Fixtures.CLIENT.send(
                        chat(proxy.baseUri(), TEST_ID, "x", true).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                assertThat(reader.readLine()).isEqualTo("data: {\"n\":1}");
                clientSawFirst.countDown();
                assertThatThrownBy(() -> {
                            while (reader.readLine() != null) {
                                // the upstream's failure breaks the client's stream too
                            }
                        })
                        .isInstanceOf(IOException.class);
                endTest(proxy, TEST_ID);
            }
            server.join();
            assertThat(Files.readString(onlyRecording())).contains("\"kind\": \"upstream-error\"");
            try (ReplayProxy proxy = ReplayProxy.builder(
                            harness(recordings, Mode.REPLAY).build(), brokenUpstream)
                    .build()
                    .start()) {
                HttpResponse<InputStream> response = Fixtures.CLIENT.send(
                        chat(proxy.baseUri(), TEST_ID, "x", true).build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                assertThat(reader.readLine()).isEqualTo("data: {\"n\":1}");
                assertThatThrownBy(() -> {
                            while (reader.readLine() != null) {
                                // the replayed interruption breaks the stream after the recorded event
                            }
                        })
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    @DisplayName("concurrent clients, each its own test, record and then replay the same answers")
    void concurrentClients() throws Exception {
        int clients = 6;
        List<String> recordedBodies = runConcurrently(Mode.RECORD, clients);
        upstream.close();
        try (var files = Files.list(recordings.resolve(Fixtures.NAMESPACE))) {
            assertThat(files.count()).isEqualTo(clients * 2L);
        }
        List<String> replayedBodies = runConcurrently(Mode.REPLAY, clients);
        assertThat(replayedBodies).isEqualTo(recordedBodies);
    }

    private List<String> runConcurrently(Mode mode, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (ReplayProxy proxy = ReplayProxy.builder(harness(recordings, mode).build(), upstream.baseUri())
                .build()
                .start()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String testId = "com.example.ConcurrentTest#client[" + i + "]";
                String content = "client " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    String json = send(chat(proxy.baseUri(), testId, content, false)
                                    .build())
                            .body();
                    String stream = send(chat(proxy.baseUri(), testId, content, true)
                                    .build())
                            .body();
                    JsonNode summary =
                            JsonMapper.shared().readTree(endTest(proxy, testId).body());
                    assertThat(summary.get(mode == Mode.RECORD ? "recorded" : "replayed"))
                            .hasSize(2);
                    return json + "\n" + stream;
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<String> result : results) {
                bodies.add(result.get(GUARD_SECONDS, TimeUnit.SECONDS));
            }
            for (int i = 0; i < clients; i++) {
                assertThat(bodies.get(i))
                        .contains("You said: client " + i)
                        .contains("\"content\":\"client " + i + "\"");
            }
            return bodies;
        } finally {
            pool.shutdownNow();
        }
    }

    private Path onlyRecording() throws IOException {
        try (var files = Files.list(recordings.resolve(Fixtures.NAMESPACE))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static List<JsonNode> events(Path recording) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        JsonMapper.shared()
                .readTree(Files.readString(recording))
                .get("response")
                .get("body")
                .get("events")
                .forEach(events::add);
        return events;
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
