package dev.replayharness.openai;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.replayharness.openai.internal.SseEvent;
import dev.replayharness.openai.internal.SseReader;
import dev.replayharness.openai.internal.WireJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The chunks of a streamed chat completion, parsed lazily from the response body as they arrive.
 *
 * <p>{@code data: [DONE]} ends the stream; so does the end of the body (some servers omit
 * {@code [DONE]}; {@link #sawDone()} tells the two apart). Always close the stream: closing it
 * before the end closes the response body, which makes the HTTP client drop the connection
 * instead of reading the rest of the answer.
 *
 * <pre>{@code
 * try (ChatCompletionStream stream = client.streamChatCompletion(request)) {
 *     stream.forEachRemaining(chunk -> System.out.print(chunk.rawContentDelta()));
 * }
 * }</pre>
 */
public final class ChatCompletionStream implements Iterator<ChatCompletionChunk>, AutoCloseable {

    private static final String DONE = "[DONE]";

    private final InputStream body;
    private final SseReader events;
    private final String source;
    private ChatCompletionChunk next;
    private String nextData;
    private String lastData;
    private boolean finished;
    private boolean sawDone;
    private volatile boolean closed;

    /**
     * A stream over an SSE body.
     *
     * @param body the response body; this stream owns it and closes it
     * @param source what the body came from (e.g. {@code POST https://…/chat/completions}), for messages
     */
    public ChatCompletionStream(InputStream body, String source) {
        this.body = body;
        this.events = new SseReader(body);
        this.source = source;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            Optional<SseEvent> event = readEvent();
            if (event.isEmpty()) {
                finish();
            } else if (DONE.equals(event.get().data().strip())) {
                sawDone = true;
                finish();
            } else if (!event.get().data().isBlank()) {
                next = parse(event.get());
                nextData = event.get().data();
            }
        }
        return next != null;
    }

    @Override
    public ChatCompletionChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream from " + source + " has ended");
        }
        ChatCompletionChunk chunk = next;
        lastData = nextData;
        next = null;
        nextData = null;
        return chunk;
    }

    /**
     * The {@code data:} text of the chunk {@link #next()} returned last, exactly as the server sent
     * it (JSON nulls such as {@code "finish_reason": null} included, which writing the typed chunk
     * back leaves out); null before the first chunk. For relaying a stream unchanged.
     */
    public String lastData() {
        return lastData;
    }

    /** The remaining chunks as a sequential {@link Stream}; closing it closes this stream. */
    public Stream<ChatCompletionChunk> stream() {
        Spliterator<ChatCompletionChunk> chunks =
                Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(chunks, false).onClose(this::close);
    }

    /**
     * Reads the remaining chunks into one {@link StreamedCompletion} of the first choice, then
     * closes the stream. For {@code n > 1}, feed the chunks to a {@link StreamAccumulator} instead:
     * it keeps every choice.
     */
    public StreamedCompletion accumulate() {
        try (this) {
            StreamAccumulator accumulator = new StreamAccumulator();
            forEachRemaining(accumulator::add);
            return accumulator.result();
        }
    }

    /** True once {@code data: [DONE]} was read. */
    public boolean sawDone() {
        return sawDone;
    }

    /** Closes the response body. Idempotent; safe to call from another thread to abandon the stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        try {
            // The raw body, not the reader: BufferedReader.close() waits for the lock a blocked
            // readLine() holds, so another thread could not abandon a stalled stream.
            body.close();
        } catch (IOException ignored) {
            // Nothing to recover: we are abandoning the body either way.
        }
    }

    private Optional<SseEvent> readEvent() {
        try {
            return events.next();
        } catch (IOException e) {
            if (closed) {
                return Optional.empty(); // closed by the caller while reading: that is the end, not a failure
            }
            close();
            throw new OpenAiTransportException("the event stream from " + source + " broke off: " + e.getMessage(), e);
        }
    }

    private ChatCompletionChunk parse(SseEvent event) {
        JsonNode tree;
        try {
            tree = WireJson.MAPPER.readTree(event.data());
        } catch (JacksonException e) {
            close();
            throw new OpenAiProtocolException(
                    "the event stream from " + source + " sent data that is not JSON (" + e.getOriginalMessage() + "): "
                            + WireJson.snippet(event.data()),
                    e);
        }
        if ("error".equals(event.type()) || tree.has("error")) {
            close();
            throw new OpenAiProtocolException(
                    "the event stream from " + source + " reported an error: " + WireJson.snippet(event.data()));
        }
        try {
            return WireJson.MAPPER.treeToValue(tree, ChatCompletionChunk.class);
        } catch (JacksonException e) {
            close();
            throw new OpenAiProtocolException(
                    "the event stream from " + source + " sent a chunk of the wrong shape (" + e.getOriginalMessage()
                            + "): " + WireJson.snippet(event.data()),
                    e);
        }
    }

    /**
     * Closes without reading on to the end of the body: a server that keeps the body open after
     * {@code [DONE]} would otherwise block us forever, and losing one pooled connection is cheap.
     */
    private void finish() {
        finished = true;
        close();
    }
}
