package dev.replayharness.spring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import dev.replayharness.core.ExchangePlan;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.OutgoingRequest;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ReplayedResponse;
import dev.replayharness.core.ResponseRecorder;

/** The {@link ClientHttpRequestInterceptor} of {@link HarnessRestClient}. */
final class HarnessInterceptor implements ClientHttpRequestInterceptor {
    private final HarnessSession session;

    HarnessInterceptor(HarnessSession session) {
        this.session = session;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ExchangePlan plan = session.plan(new OutgoingRequest(request.getMethod().name(), request.getURI(),
                SpringHeaders.toHarness(request.getHeaders()), body));
        if (plan instanceof ExchangePlan.Replay replay) {
            // Decoded: Spring's converters read the body as the request factories hand it over, decompressed.
            return new Replayed(replay.response().decoded(), session);
        }
        Optional<ResponseRecorder> recorder = ((ExchangePlan.Call) plan).recorder();
        if (recorder.isEmpty()) {
            return execution.execute(request, body);
        }
        OnceRecorder once = new OnceRecorder(recorder.get());
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
            once.started(response.getStatusCode().value(), SpringHeaders.toHarness(response.getHeaders()));
        } catch (IOException | RuntimeException | Error e) {
            once.failed(e);
            throw e;
        }
        return new Teed(response, once, session.maxDrainBytes());
    }

    /** A response from the recording. */
    private static final class Replayed implements ClientHttpResponse {
        private final ReplayedResponse response;
        private final HttpHeaders headers;
        private final InputStream body;

        Replayed(ReplayedResponse response, HarnessSession session) {
            this.response = response;
            this.headers = SpringHeaders.toSpring(response.headers());
            this.body = response.openBody(session.sleeper());
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(response.status());
        }

        @Override
        public String getStatusText() {
            return "";
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            // nothing to release: the body is in memory
        }
    }

    /** An upstream response whose body is copied into the recording as it is read (and drained when closed early). */
    private static final class Teed implements ClientHttpResponse {
        private final ClientHttpResponse response;
        private final OnceRecorder recorder;
        private final long maxDrainBytes;
        private RecordingInputStream body;

        Teed(ClientHttpResponse response, OnceRecorder recorder, long maxDrainBytes) {
            this.response = response;
            this.recorder = recorder;
            this.maxDrainBytes = maxDrainBytes;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public synchronized InputStream getBody() throws IOException {
            if (body == null) {
                try {
                    body = new RecordingInputStream(response.getBody(), recorder, maxDrainBytes);
                } catch (IOException | RuntimeException e) {
                    recorder.failed(e);
                    throw e;
                }
            }
            return body;
        }

        @Override
        public void close() {
            try {
                getBody().close(); // an unread or half-read body still ends its recording
            } catch (IOException e) {
                recorder.failed(e);
            } finally {
                response.close();
            }
        }
    }
}
