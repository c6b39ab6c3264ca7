package dev.replayharness.awssdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** The synchronous wrapper: answers from a recording, or calls the wrapped client and tees the body into the recorder. */
final class HarnessSdkHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final HarnessSession session;

    HarnessSdkHttpClient(SdkHttpClient delegate, HarnessSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = request.contentStreamProvider()
                .map(provider -> read(provider, request.httpRequest()))
                .orElse(new byte[0]);
        OutgoingRequest outgoing = SdkMessages.outgoing(request.httpRequest(), body);
        return new SdkCall(request, outgoing, body);
    }

    /** The whole body; a failure names the call (method and path, never the query, which may hold a credential). */
    private static byte[] read(ContentStreamProvider provider, SdkHttpRequest call) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Replay Harness: could not read the AWS SDK's request body for " + call.method() + " "
                            + call.encodedPath() + " (" + e.getClass().getSimpleName()
                            + "); nothing was sent or recorded. Check the body the request was built with.",
                    e);
        }
    }

    @Override
    public String clientName() {
        return "Harness(" + delegate.clientName() + ")";
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** One call, run by the harness's exchange driver when it is called (a prepared but never called request costs no recording). */
    private final class SdkCall implements ExecutableHttpRequest {
        private final HttpExecuteRequest request;
        private final OutgoingRequest outgoing;
        private final byte[] body;
        private volatile ExecutableHttpRequest upstream;

        SdkCall(HttpExecuteRequest request, OutgoingRequest outgoing, byte[] body) {
            this.request = request;
            this.outgoing = outgoing;
            this.body = body;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            return Exchange.<HttpExecuteResponse, IOException, RuntimeException>run(
                    session, outgoing, this::replayed, this::upstream);
        }

        private HttpExecuteResponse replayed(ReplayedResponse recorded) {
            ReplayedResponse response = recorded.encodedForWire(); // the SDK decodes bodies itself
            return HttpExecuteResponse.builder()
                    .response(SdkMessages.response(response))
                    .responseBody(AbortableInputStream.create(response.openBody(session.sleeper())))
                    .build();
        }

        private HttpExecuteResponse upstream(Optional<ResponseRecorder> recording) throws IOException {
            HttpExecuteRequest.Builder again = HttpExecuteRequest.builder().request(request.httpRequest());
            request.metricCollector().ifPresent(again::metricCollector);
            if (request.contentStreamProvider().isPresent()) {
                again.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body)); // the body was read once
            }
            upstream = delegate.prepareRequest(again.build());
            HttpExecuteResponse response = upstream.call();
            if (recording.isEmpty()) {
                return response;
            }
            ResponseRecorder recorder = recording.get();
            recorder.started(response.httpResponse().statusCode(), SdkMessages.headers(response.httpResponse()));
            if (response.responseBody().isEmpty()) {
                recorder.completed();
                return response;
            }
            AbortableInputStream original = response.responseBody().get();
            InputStream teed = new RecordingInputStream(
                    original, recorder); // drains on an early close, as far as the recorder wants
            return HttpExecuteResponse.builder()
                    .response(response.httpResponse())
                    .responseBody(AbortableInputStream.create(teed, original))
                    .build();
        }

        @Override
        public void abort() {
            ExecutableHttpRequest running = upstream;
            if (running != null) {
                running.abort();
            }
        }
    }
}
