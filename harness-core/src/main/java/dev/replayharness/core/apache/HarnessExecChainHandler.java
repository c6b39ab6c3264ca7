package dev.replayharness.core.apache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.RecordingInputStream;
import dev.replayharness.core.RequestBodies;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** Classic exec chain handler: answers from a recording, or proceeds and tees the response body. */
final class HarnessExecChainHandler implements ExecChainHandler {
    private static final byte[] NO_BODY = new byte[0];

    private final HarnessSession session;

    HarnessExecChainHandler(HarnessSession session) {
        this.session = session;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        byte[] body = NO_BODY;
        HttpEntity entity = request.getEntity();
        if (entity != null) {
            body = RequestBodies.write(entity.getContentLength(), entity::writeTo);
            // Always replaced, even when the entity says it is repeatable: an EntityTemplate says so whatever
            // its writer does, and a writer that can run only once would send an empty body upstream.
            request.setEntity(new ByteArrayEntity(
                    body,
                    entity.getContentType() == null ? null : ContentType.parseLenient(entity.getContentType()),
                    entity.getContentEncoding(),
                    entity.isChunked()));
        }
        OutgoingRequest outgoing = ApacheMessages.outgoing(request, scope.route.getTargetHost(), body);
        return Exchange.<ClassicHttpResponse, IOException, HttpException>run(
                session,
                outgoing,
                replayed -> replayed(replayed.decoded()), // as HttpClient's own decompression would hand it over
                recorder -> teed(chain.proceed(request, scope), recorder));
    }

    private static ClassicHttpResponse teed(ClassicHttpResponse response, Optional<ResponseRecorder> recorder) {
        recorder.ifPresent(r -> {
            r.started(response.getCode(), ApacheMessages.headers(response.getHeaders()));
            if (response.getEntity() == null) {
                r.completed();
            } else {
                response.setEntity(new RecordingEntity(response.getEntity(), r));
            }
        });
        return response;
    }

    private ClassicHttpResponse replayed(ReplayedResponse replayed) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(replayed.status());
        ApacheMessages.copyHeaders(replayed, response);
        if (replayed.hasBody()) {
            response.setEntity(new InputStreamEntity(
                    replayed.openBody(session.sleeper()),
                    replayed.knownLength(),
                    ApacheMessages.contentType(replayed)));
        }
        return response;
    }

    /** The upstream entity, read through a {@link RecordingInputStream}; closing it unread still records it. */
    private static final class RecordingEntity extends HttpEntityWrapper {
        private final ResponseRecorder recorder;
        private RecordingInputStream content;

        RecordingEntity(HttpEntity wrapped, ResponseRecorder recorder) {
            super(wrapped);
            this.recorder = recorder;
        }

        @Override
        public synchronized InputStream getContent() throws IOException {
            if (content == null) {
                content = new RecordingInputStream(super.getContent(), recorder);
            }
            return content;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public boolean isStreaming() {
            return true;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = getContent()) {
                in.transferTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                getContent().close();
            } finally {
                super.close();
            }
        }
    }
}
