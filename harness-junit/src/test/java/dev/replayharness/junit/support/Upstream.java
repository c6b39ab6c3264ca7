package dev.replayharness.junit.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port). {@code POST /v1/chat} answers
 * {@code {"answer":"reply #n"}}, n counting requests, so a replayed answer can be told from a live one.
 * Fixtures find the running server through {@link #current()}: the outer tests run one at a time.
 *
 * <p>A test class takes one per test with {@code @RegisterExtension final Upstream upstream = Upstream.perTest();}:
 * started before each test, closed after it.
 */
public final class Upstream implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    public static final String CHAT = "/v1/chat";
    private static volatile Upstream current;

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    private Upstream() {}

    /** Starts a server and makes it the one fixtures call. */
    public static Upstream start() throws IOException {
        Upstream upstream = new Upstream();
        upstream.open();
        return upstream;
    }

    /** A server for {@code @RegisterExtension}: started before each test, closed after it. */
    public static Upstream perTest() {
        return new Upstream();
    }

    private void open() throws IOException {
        requests.set(0);
        clientPorts.clear();
        delay = Duration.ZERO;
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(CHAT, this::chat);
        server.start();
        current = this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public static Upstream current() {
        return Objects.requireNonNull(current, "no Upstream started: fixtures run only through FixtureRun");
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            int n = requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            byte[] bytes = ("{\"answer\":\"reply #" + n + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public URI chatUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CHAT);
    }

    /** How long each answer takes: lets concurrent requests overlap. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** How many TCP connections the requests came on (distinct client ports). */
    public int connectionCount() {
        return clientPorts.size();
    }

    public int requestCount() {
        return requests.get();
    }

    /** The most requests the server was handling at once. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
