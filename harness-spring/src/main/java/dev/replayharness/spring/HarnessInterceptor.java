package dev.replayharness.spring;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** The {@link ClientHttpRequestInterceptor} of {@link HarnessRestClient}, on the engine's exchange driver ({@link Exchange}). */
final class HarnessInterceptor implements ClientHttpRequestInterceptor {
    private final HarnessSession session;

    HarnessInterceptor(HarnessSession session) {
        this.session = session;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        OutgoingRequest outgoing = new OutgoingRequest(
                request.getMethod().name(), request.getURI(), SpringHeaders.toHarness(request.getHeaders()), body);
        return Exchange.<ClientHttpResponse, IOException, RuntimeException>run(
                session,
                outgoing,
                // Decoded: Spring's converters read the body as the request factories hand it over, decompressed.
                replayed -> new Replayed(replayed.decoded(), session),
                recorder -> recorder.isEmpty()
                        ? execution.execute(request, body)
                        : teed(execution.execute(request, body), recorder.get()));
    }

    private static ClientHttpResponse teed(ClientHttpResponse response, ResponseRecorder recorder) throws IOException {
        recorder.started(response.getStatusCode().value(), SpringHeaders.toHarness(response.getHeaders()));
        return new Teed(response, recorder);
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
        private final ResponseRecorder recorder;
        private RecordingInputStream body;

        Teed(ClientHttpResponse response, ResponseRecorder recorder) {
            this.response = response;
            this.recorder = recorder;
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
                    body = RecordingInputStream.asReplayed(response.getBody(), recorder); // as replay will hand it
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
