package dev.replayharness.bedrock.nativeapi.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers Bedrock's native runtime API the way Bedrock does for
 * {@code openai.gpt-oss-20b-1:0}: {@code POST /model/{modelId}/converse}, {@code /converse-stream},
 * {@code /invoke} and {@code /invoke-with-response-stream}. Answers are deterministic (see {@link NativeAnswer});
 * what varies per run is what varies on Bedrock too: the {@code p} padding of every event, {@code metrics.latencyMs}
 * and the {@code x-amzn-RequestId}. Streams are {@code application/vnd.amazon.eventstream}, framed by the SDK's
 * codec. Errors have Bedrock's shapes; tests script them with {@link #enqueue}, as HTTP errors or in-stream
 * exception frames. Any credentials are accepted (the emulator does not check signatures).
 *
 * <pre>{@code
 * try (NativeEmulator emulator = NativeEmulator.start()) {
 *     BedrockRuntimeClient client = BedrockRuntimeClient.builder().endpointOverride(emulator.endpoint())…build();
 * }
 * }</pre>
 */
public final class NativeEmulator implements AutoCloseable {
    /** The model the emulator answers for (and {@code openai.gpt-oss-120b-1:0}); others are not found. */
    public static final String MODEL = "openai.gpt-oss-20b-1:0";

    private static final Set<String> MODELS = Set.of(MODEL, "openai.gpt-oss-120b-1:0");
    private static final Pattern ROUTE =
            Pattern.compile("/model/([^/]+)/(converse|converse-stream|invoke|invoke-with-response-stream)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<NativeRequest> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<NativeFault> faults = new ConcurrentLinkedQueue<>();
    private final StreamGate gate = new StreamGate();

    private NativeEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor); // a thread per exchange: a held stream must not hold up others
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an emulator on 127.0.0.1 and a free port. */
    public static NativeEmulator start() {
        try {
            return new NativeEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Bedrock native emulator on 127.0.0.1", e);
        }
    }

    /** The endpoint to give the SDK's {@code endpointOverride}: {@code http://127.0.0.1:{port}}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next requests with these failures, in order. */
    public NativeEmulator enqueue(NativeFault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** The gate that can hold streams after a frame until a test releases them. */
    public StreamGate gate() {
        return gate;
    }

    /** Every request received, in order. */
    public List<NativeRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        gate.releaseAll();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long started = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            NativeRequest request = new NativeRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            exchange.getResponseHeaders()
                    .add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            Matcher route = ROUTE.matcher(request.rawPath());
            if (!"POST".equals(request.method()) || !route.matches()) {
                NativeResponder.unknownOperation(exchange);
                return;
            }
            String model = URLDecoder.decode(route.group(1), StandardCharsets.UTF_8);
            NativeFault fault = faults.poll();
            if (fault == null && !MODELS.contains(model)) {
                fault = NativeFault.http(NativeFault.Kind.NOT_FOUND);
            }
            new NativeResponder(exchange, model, route.group(2), started, gate).respond(body, fault);
        }
    }
}
