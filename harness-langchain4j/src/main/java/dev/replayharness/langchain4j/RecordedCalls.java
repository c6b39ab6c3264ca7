package dev.replayharness.langchain4j;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import dev.replayharness.core.CallerBody;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;

/** Calls made upstream through the delegate while recording: what comes back is teed into the recorder. */
final class RecordedCalls {

    private RecordedCalls() {}

    /** A failure before any response ends the recorder in the driver ({@code Exchange.run}). */
    static SuccessfulHttpResponse execute(HttpClient delegate, HttpRequest request, ResponseRecorder recorder) {
        SuccessfulHttpResponse response;
        try {
            response = delegate.execute(request);
        } catch (HttpException e) {
            recordError(recorder, e); // a 4xx/5xx answer is a recording too: replay throws it again
            throw e;
        }
        recorder.started(response.statusCode(), Messages.headers(response.headers()));
        byte[] body = response.bodyBytes();
        CallerBody view = recorder.callerBody();
        if (body != null) {
            recorder.chunk(body, 0, body.length);
        }
        recorder.completed();
        if (body == null || view.passThrough()) {
            return response;
        }
        // The caller gets what replay will give it (normalized ids); the recording got upstream's bytes.
        java.io.ByteArrayOutputStream replayed = new java.io.ByteArrayOutputStream();
        replayed.writeBytes(view.next(body, 0, body.length));
        replayed.writeBytes(view.end());
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers())
                .body(replayed.toByteArray())
                .build();
    }

    static void stream(
            HttpClient delegate,
            HttpRequest request,
            ServerSentEventParser parser,
            ServerSentEventListener listener,
            ResponseRecorder recorder) {
        delegate.execute(
                request, new TeeParser(parser, recorder), new TeeListener(listener, recorder, new AtomicBoolean()));
    }

    /**
     * The delegate's clients report a 4xx/5xx as an {@link HttpException} holding the body only (its headers are
     * lost on their side), so such a recording has the status and the body.
     */
    private static void recordError(ResponseRecorder recorder, HttpException e) {
        byte[] body = e.getMessage() == null ? new byte[0] : e.getMessage().getBytes(StandardCharsets.UTF_8);
        recorder.started(e.statusCode(), Headers.empty());
        recorder.chunk(body, 0, body.length);
        recorder.completed();
    }

    /** Hands the parser the body as it arrives, copying every byte to the recorder on the way. */
    private record TeeParser(ServerSentEventParser parser, ResponseRecorder recorder) implements ServerSentEventParser {
        @Override
        public void parse(InputStream body, ServerSentEventListener listener) {
            // Closed by the parser at the end (or on cancel, which drains the rest into the recording).
            // As replay will hand it over (normalized, event by event) once onOpen started the recorder.
            parser.parse(RecordingInputStream.asReplayed(body, recorder), listener);
        }
    }

    /**
     * Records the status line and headers when the stream opens, and a failure before or instead of a body
     * (the recorder ignores an ending after the body stream's own).
     */
    private record TeeListener(ServerSentEventListener listener, ResponseRecorder recorder, AtomicBoolean opened)
            implements ServerSentEventListener {
        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            opened.set(true);
            recorder.started(response.statusCode(), Messages.headers(response.headers()));
            listener.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            listener.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            listener.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            if (!opened.get() && error instanceof HttpException http) {
                recordError(recorder, http);
            } else {
                recorder.failed(error); // no-op when the body stream already ended the recording
            }
            listener.onError(error);
        }

        @Override
        public void onClose() {
            listener.onClose();
        }
    }
}
