package dev.replayharness.server.internal;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockException;
import dev.replayharness.bedrock.RegisteredModel;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingUse;
import dev.replayharness.core.ReplayMissError;
import dev.replayharness.core.fault.FaultDeclarationException;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionChunk;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.OpenAiException;
import dev.replayharness.openai.OpenAiJson;
import dev.replayharness.openai.StreamAccumulator;
import dev.replayharness.server.InferenceStore;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The stack's HTTP API. Every answer, errors included, is JSON (or SSE for streamed completions). */
public final class StackHandler extends Handler.Abstract {

    /** The request header naming the test whose recordings a request uses; optional. */
    public static final String TEST_HEADER = "X-Replay-Harness-Test";
    /** Set on the answer to a request that had no recording in replay mode. */
    public static final String MISS_HEADER = "X-Replay-Harness-Miss";
    /**
     * Request header declaring a fault (the {@code @Fault} syntax) for this request's session: one session per
     * request here, so {@code nth} counts the provider calls this request makes, its client's retries included.
     */
    public static final String FAULT_HEADER = "X-Replay-Harness-Fault";

    /** OpenAI's SDKs obey this header: {@code false} on answers that the same request would get again. */
    static final String NO_RETRY_HEADER = "X-Should-Retry";

    private static final System.Logger LOG = System.getLogger("dev.replayharness.server");
    private static final String CHAT = "/v1/chat/completions";
    private static final String CHAT_PREFIX = CHAT + "/";

    private final Providers providers;
    private final InferenceStore store;
    private final long maxRequestBytes;
    private final UnaryOperator<String> redact;

    private final Consumer<RecordingUse> recordingUses;
    private final StoreRoutes storeRoutes;
    private final ModelRoutes modelRoutes;
    private final ServedIds servedIds = new ServedIds();

    public StackHandler(
            Providers providers, InferenceStore store, long maxRequestBytes, Consumer<RecordingUse> recordingUses) {
        this.recordingUses = recordingUses;
        this.providers = providers;
        this.store = store;
        this.storeRoutes = new StoreRoutes(store, providers::modelNames);
        this.modelRoutes = new ModelRoutes(providers.models());
        this.maxRequestBytes = maxRequestBytes;
        this.redact = providers.harness()::redact;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        request.addIdleTimeoutListener(timeout -> keepWhileStopping(request));
        Exchange exchange = new Exchange(request, response, callback);
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            route(
                    exchange,
                    method,
                    path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        } catch (ApiError error) {
            if (error.status() >= 500 && error.status() != 501) {
                LOG.log(System.Logger.Level.WARNING, method + " " + path + ": " + redact.apply(error.getMessage()));
            }
            if (error.status() == 501) {
                exchange.header(NO_RETRY_HEADER, "false"); // OpenAI clients retry every 5xx: this one never changes
            }
            exchange.error(error, redact.apply(error.getMessage()));
        } catch (ReplayMissError miss) {
            exchange.header(MISS_HEADER, "true");
            exchange.header(NO_RETRY_HEADER, "false");
            exchange.error(
                    new ApiError(424, "replay_miss", "replay_miss", null, miss.getMessage()),
                    redact.apply(miss.getMessage()));
        } catch (RuntimeException | IOException | Error e) {
            String message = redact.apply(e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed: " + message);
            exchange.error(
                    new ApiError(500, "internal_error", "internal_error", null, ""),
                    "The stack server failed on " + method + " " + path + " (" + message + "). This is a bug; please"
                            + " report it with this message.");
        }
        if (!exchange.completed()) {
            exchange.abandon(new IllegalStateException("no answer was written for " + method + " " + path));
        }
        return true;
    }

    /**
     * Once stopping, Jetty gives every connection a 100 ms idle timeout, so that idle keep-alive
     * connections close at once; a request in flight whose provider pauses longer (Bedrock does, while
     * it reasons) was cut off. Such a request is not idle but waiting: its connection gets the stop
     * timeout instead, and the idle timeout is ignored. Otherwise it fails the request, as by default.
     */
    private boolean keepWhileStopping(Request request) {
        if (getServer() == null || !getServer().isStopping()) {
            return true;
        }
        request.getConnectionMetaData()
                .getConnection()
                .getEndPoint()
                .setIdleTimeout(getServer().getStopTimeout());
        return false;
    }

    private void route(Exchange exchange, String method, String path) throws IOException {
        switch (path) {
            case CHAT -> {
                if (method.equals("POST")) {
                    chatCompletion(exchange);
                } else if (method.equals("GET")) {
                    storeRoutes.list(exchange);
                } else {
                    throw ApiError.methodNotAllowed(method, path, "GET, POST");
                }
            }
            case ModelRoutes.MODELS -> {
                requireMethod(method, path, "GET");
                modelRoutes.list(exchange);
            }
            case "/v1/health" -> {
                requireMethod(method, path, "GET");
                exchange.json(200, JsonNodeFactory.instance.objectNode().put("status", "OK"));
            }
            case "/v1/completions" ->
                throw new ApiError(
                        501,
                        "not_implemented",
                        "not_implemented",
                        null,
                        "Text completions (/v1/completions) are not supported: Bedrock's OpenAI-compatible endpoint only"
                                + " offers chat completions. Send the prompt as a user message to POST " + CHAT + ".");
            case "/v1/embeddings" ->
                throw new ApiError(
                        501,
                        "not_implemented",
                        "not_implemented",
                        null,
                        "Embeddings (/v1/embeddings) are not supported: Bedrock's OpenAI-compatible endpoint has no"
                                + " embeddings API. Use a native Bedrock embedding model or another embeddings provider.");
            default -> {
                if (path.startsWith(CHAT_PREFIX) && path.indexOf('/', CHAT_PREFIX.length()) < 0) {
                    requireMethod(method, path, "GET");
                    storeRoutes.get(exchange, path.substring(CHAT_PREFIX.length()));
                } else if (path.startsWith(ModelRoutes.MODELS_PREFIX)) {
                    requireMethod(method, path, "GET");
                    modelRoutes.get(exchange, path.substring(ModelRoutes.MODELS_PREFIX.length()));
                } else {
                    throw new ApiError(
                            404,
                            "invalid_request_error",
                            "not_found",
                            null,
                            "No endpoint " + method + " "
                                    + path + ". This server offers POST/GET " + CHAT + ", GET " + CHAT
                                    + "/{id}, GET /v1/models, GET /v1/models/{id}"
                                    + " and GET /v1/health.");
                }
            }
        }
    }

    private static void requireMethod(String method, String path, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiError.methodNotAllowed(method, path, allowed);
        }
    }

    private void chatCompletion(Exchange exchange) throws IOException {
        byte[] body = exchange.body(maxRequestBytes);
        ChatRequestParser.Parsed parsed = ChatRequestParser.parse(ServerJson.parseBody(body));
        RegisteredModel model = providers.chatModel(parsed.request().model());
        String testId = exchange.header(TEST_HEADER);
        HarnessSession session = providers.session(testId);
        try (session) {
            declareFault(session, exchange.header(FAULT_HEADER));
            try {
                // Inside the mapping: a malformed short-term key fails here, as the 401 it is.
                BedrockClient client = providers.client(model, session);
                if (parsed.stream()) {
                    stream(exchange, client, parsed, testId);
                } else {
                    ChatCompletion completion = client.chat(parsed.request());
                    ObjectNode json = ServerJson.MAPPER.readValue(OpenAiJson.write(completion), ObjectNode.class);
                    if (completion.id() != null) { // without one it is refused (Stored.completion)
                        json.put("id", servedIds.next(testId, completion.id()));
                    }
                    store.save(Stored.completion(json, parsed.messages()));
                    exchange.json(200, json);
                }
            } catch (BedrockException e) {
                throw ProviderErrors.mapped(e);
            }
        } finally {
            session.uses().forEach(recordingUses);
        }
    }

    private static void declareFault(HarnessSession session, String spec) {
        if (spec == null) {
            return;
        }
        try {
            session.faults().declare(spec, FAULT_HEADER + " header");
        } catch (FaultDeclarationException e) {
            throw ApiError.invalidRequest(FAULT_HEADER, e.getMessage());
        }
    }

    private void stream(Exchange exchange, BedrockClient client, ChatRequestParser.Parsed parsed, String testId) {
        StreamAccumulator accumulator = new StreamAccumulator();
        Long created = null;
        ServedId servedId = null;
        IOException clientGone = null;
        try (ChatCompletionStream stream = client.chatStream(parsed.request())) {
            exchange.startEvents();
            while (stream.hasNext()) {
                ChatCompletionChunk chunk = stream.next();
                accumulator.add(chunk);
                created = created == null ? chunk.created() : created;
                servedId = servedId == null ? new ServedId(chunk.id(), servedIds.next(testId, chunk.id())) : servedId;
                if (clientGone == null) {
                    try {
                        // As received, not re-serialized: the typed chunk would drop the provider's JSON nulls.
                        exchange.event(servedId.in(stream.lastData()));
                    } catch (IOException e) {
                        clientGone = e; // keep reading: the completion is still stored whole
                    }
                }
            }
        } catch (OpenAiException e) {
            // The stream broke after it started: tell the client in-band, store nothing half-made.
            String message = redact.apply("The provider's stream failed: " + e.getMessage());
            LOG.log(System.Logger.Level.WARNING, message);
            if (!exchange.committed() && clientGone == null) {
                throw new ApiError(502, "api_error", "upstream_stream_failed", null, message);
            }
            if (clientGone == null) {
                try {
                    exchange.event(
                            ServerJson.write(ApiError.body(message, "api_error", null, "upstream_stream_failed")));
                    exchange.endEvents();
                } catch (IOException gone) {
                    exchange.abandon(gone);
                }
            } else {
                exchange.abandon(clientGone);
            }
            return;
        }
        ChatCompletion completion = accumulator.toChatCompletion(); // every choice: a request may ask for n > 1
        ObjectNode json = ServerJson.MAPPER.readValue(OpenAiJson.write(completion), ObjectNode.class);
        if (created != null) {
            json.put("created", created); // the chunks carry it; the assembled completion does not
        }
        if (servedId != null && servedId.served() != null) {
            json.put("id", servedId.served());
        }
        store.save(Stored.completion(json, parsed.messages()));
        if (clientGone != null) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "client left during streamed completion " + completion.id() + "; the whole completion was stored");
            exchange.abandon(clientGone);
            return;
        }
        try {
            exchange.event("[DONE]");
            exchange.endEvents();
        } catch (IOException gone) {
            exchange.abandon(gone);
        }
    }
}
