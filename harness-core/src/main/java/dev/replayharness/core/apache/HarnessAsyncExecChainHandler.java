package dev.replayharness.core.apache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;

import dev.replayharness.core.ChunkTee;
import dev.replayharness.core.Exchange;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ChunkSource;
import dev.replayharness.core.replay.ReplayedResponse;

/**
 * Async exec chain handler. Replay feeds the recorded chunks to the response consumer on the calling
 * thread (waiting recorded delays there when timing is replayed); record tees each chunk as the
 * consumer receives it.
 */
final class HarnessAsyncExecChainHandler implements AsyncExecChainHandler {
    private static final int MAX_EMPTY_PRODUCE_ROUNDS = 10_000;

    private final HarnessSession session;

    HarnessAsyncExecChainHandler(HarnessSession session) {
        this.session = session;
    }

    @Override
    public void execute(
            HttpRequest request,
            AsyncEntityProducer entityProducer,
            AsyncExecChain.Scope scope,
            AsyncExecChain chain,
            AsyncExecCallback callback)
            throws HttpException, IOException {
        byte[] body = entityProducer == null ? new byte[0] : collect(entityProducer);
        OutgoingRequest outgoing = ApacheMessages.outgoing(request, scope.route.getTargetHost(), body);
        Exchange.<Void, HttpException, IOException>run(
                session,
                outgoing,
                replayed -> {
                    replay(replayed.decoded(), callback); // as HttpClient's own decompression would hand it over
                    return null;
                },
                recorder -> {
                    chain.proceed(
                            request,
                            entityProducer == null ? null : replayable(body, entityProducer),
                            scope,
                            recorder.<AsyncExecCallback>map(r -> new TeeCallback(callback, r))
                                    .orElse(callback));
                    return null;
                });
    }

    /** The collected body as a producer that can run again, keeping content type, encoding and chunking. */
    private static AsyncEntityProducer replayable(byte[] body, AsyncEntityProducer original) {
        ContentType type =
                original.getContentType() == null ? null : ContentType.parseLenient(original.getContentType());
        String encoding = original.getContentEncoding();
        return new BasicAsyncEntityProducer(body, type, original.isChunked()) {
            @Override
            public String getContentEncoding() {
                return encoding;
            }
        };
    }

    private void replay(ReplayedResponse replayed, AsyncExecCallback callback) throws HttpException, IOException {
        EntityDetails details = replayed.hasBody()
                ? new BasicEntityDetails(replayed.knownLength(), ApacheMessages.contentType(replayed))
                : null;
        AsyncDataConsumer consumer = callback.handleResponse(ApacheMessages.response(replayed), details);
        if (consumer != null) {
            consumer.updateCapacity(increment -> {});
            ChunkSource chunks = replayed.openChunks(session.sleeper());
            while (chunks.hasNext()) {
                consumer.consume(ByteBuffer.wrap(chunks.next()));
            }
            Optional<IOException> failure = chunks.failure();
            if (failure.isPresent()) {
                consumer.releaseResources();
                callback.failed(failure.get());
                return;
            }
            consumer.streamEnd(null);
        }
        callback.completed();
    }

    /** Runs a request entity producer against a collecting channel. */
    private static byte[] collect(AsyncEntityProducer producer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] ended = {false};
        DataStreamChannel channel = new DataStreamChannel() {
            @Override
            public void requestOutput() {}

            @Override
            public int write(ByteBuffer src) {
                int n = src.remaining();
                byte[] bytes = new byte[n];
                src.get(bytes);
                out.writeBytes(bytes);
                return n;
            }

            @Override
            public void endStream(List<? extends Header> trailers) {
                ended[0] = true;
            }

            @Override
            public void endStream() {
                ended[0] = true;
            }
        };
        int rounds = 0;
        while (!ended[0]) {
            int before = out.size();
            producer.produce(channel);
            rounds = out.size() == before ? rounds + 1 : 0;
            if (rounds > MAX_EMPTY_PRODUCE_ROUNDS) {
                throw new IOException("The request entity producer produced no data and did not end; the harness needs "
                        + "request bodies that can be produced without waiting (e.g. AsyncEntityProducers.create)");
            }
        }
        producer.releaseResources();
        return out.toByteArray();
    }

    /** Passes the response on, teeing its body into the recorder. */
    private static final class TeeCallback implements AsyncExecCallback {
        private final AsyncExecCallback callback;
        private final ResponseRecorder recorder;

        TeeCallback(AsyncExecCallback callback, ResponseRecorder recorder) {
            this.callback = callback;
            this.recorder = recorder;
        }

        @Override
        public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails details)
                throws HttpException, IOException {
            recorder.started(response.getCode(), ApacheMessages.headers(response.getHeaders()));
            ChunkTee tee = new ChunkTee(recorder);
            if (details != null && !tee.passThrough()) { // the caller gets what replay hands it: its length is unknown
                response.removeHeaders("Content-Length");
                details = new BasicEntityDetails(
                        -1,
                        details.getContentType() == null ? null : ContentType.parseLenient(details.getContentType()));
            }
            AsyncDataConsumer consumer = callback.handleResponse(response, details);
            if (details == null) {
                recorder.completed();
                return consumer;
            }
            return new AsyncDataConsumer() {
                @Override
                public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
                    consumer.updateCapacity(capacityChannel);
                }

                @Override
                public void consume(ByteBuffer src) throws IOException {
                    tee.chunk(src, consumer::consume);
                }

                @Override
                public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
                    tee.end(consumer::consume);
                    consumer.streamEnd(trailers);
                }

                @Override
                public void releaseResources() {
                    consumer.releaseResources();
                }
            };
        }

        @Override
        public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
            callback.handleInformationResponse(response);
        }

        @Override
        public void completed() {
            recorder.completed(); // the recorder ends once, whichever ending comes first
            callback.completed();
        }

        @Override
        public void failed(Exception cause) {
            recorder.failed(cause);
            callback.failed(cause);
        }
    }
}
