package dev.replayharness.core.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.RecordingSubscriber;
import dev.replayharness.core.ResponseRecorder;
import dev.replayharness.core.http.Headers;

@DisplayName("The Flow tee (RecordingSubscriber)")
class RecordingSubscriberTest {
    /** One timeline for the caller, the recorder and the upstream subscription, so order shows. */
    private final List<String> timeline = new ArrayList<>();

    private final class Recorder implements ResponseRecorder {
        int wanted = Integer.MAX_VALUE; // chunks it still wants after the caller closed

        @Override
        public void started(int status, Headers headers) {}

        @Override
        public void chunk(byte[] bytes, int offset, int length) {
            timeline.add("recorded " + new String(bytes, offset, length, UTF_8));
        }

        @Override
        public void callerClosed() {
            timeline.add("recorder: caller closed");
        }

        @Override
        public boolean wantsMore() {
            return wanted-- > 0;
        }

        @Override
        public void completed() {
            timeline.add("recorder: completed");
        }

        @Override
        public void failed(Throwable error) {
            timeline.add("recorder: failed " + error.getMessage());
        }

        @Override
        public void truncated() {}
    }

    private final class Caller implements Flow.Subscriber<List<ByteBuffer>> {
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            ByteBuffer item = items.get(0);
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes); // consumes the buffer: the recording must not depend on its position
            timeline.add("caller got " + new String(bytes, UTF_8));
        }

        @Override
        public void onError(Throwable t) {
            timeline.add("caller: error " + t.getMessage());
        }

        @Override
        public void onComplete() {
            timeline.add("caller: complete");
        }
    }

    private final class Upstream implements Flow.Subscription {
        @Override
        public void request(long n) {
            timeline.add("upstream: request " + (n == Long.MAX_VALUE ? "all" : n));
        }

        @Override
        public void cancel() {
            timeline.add("upstream: cancel");
        }
    }

    private static List<ByteBuffer> chunk(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(UTF_8)));
    }

    @Test
    @DisplayName("gives each chunk to the caller first, then to the recorder, and ends both on completion")
    void tees() {
        Caller caller = new Caller();
        RecordingSubscriber tee = new RecordingSubscriber(caller, new Recorder());
        tee.onSubscribe(new Upstream());
        caller.subscription.request(2);
        tee.onNext(chunk("a"));
        tee.onNext(chunk("b"));
        tee.onComplete();
        assertThat(timeline)
                .containsExactly(
                        "upstream: request 2",
                        "caller got a",
                        "recorded a",
                        "caller got b",
                        "recorded b",
                        "recorder: completed",
                        "caller: complete");
    }

    @Test
    @DisplayName("records an upstream failure and passes it on")
    void failure() {
        Caller caller = new Caller();
        RecordingSubscriber tee = new RecordingSubscriber(caller, new Recorder());
        tee.onSubscribe(new Upstream());
        tee.onError(new IOException("reset"));
        assertThat(timeline).containsExactly("recorder: failed reset", "caller: error reset");
    }

    @Test
    @DisplayName("after the caller cancels, drains the rest into the recording only, then cancels upstream when the"
            + " recorder wants no more")
    void drainsAfterCancel() {
        Caller caller = new Caller();
        Recorder recorder = new Recorder();
        RecordingSubscriber tee = new RecordingSubscriber(caller, recorder);
        tee.onSubscribe(new Upstream());
        tee.onNext(chunk("a"));
        caller.subscription.cancel();
        recorder.wanted = 1;
        tee.onNext(chunk("b"));
        tee.onNext(chunk("c"));
        caller.subscription.request(1); // ignored: the caller has gone
        assertThat(timeline)
                .containsExactly(
                        "caller got a",
                        "recorded a",
                        "recorder: caller closed",
                        "upstream: request all",
                        "recorded b",
                        "recorded c",
                        "upstream: cancel");
    }
}
