package dev.replayharness.core.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.replayharness.core.http.Headers;

@DisplayName("Replaying a body chunk by chunk")
class ReplayPublisherTest {
    private static final Path FILE = Path.of("recordings", "ns", "abc.json");

    private static ReplayedResponse response(Optional<String> interruption, long... delays) {
        List<byte[]> chunks = new ArrayList<>();
        List<Long> delaysMs = new ArrayList<>();
        for (int i = 0; i < delays.length; i++) {
            chunks.add(("chunk" + i).getBytes(UTF_8));
            delaysMs.add(delays[i]);
        }
        return new ReplayedResponse(FILE, 200, Headers.builder().build(), chunks, delaysMs, interruption);
    }

    /** Records each wait and each chunk in one timeline, so a test sees which came first. */
    private static final class Timeline implements Sleeper {
        final List<String> events = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            events.add("wait " + duration.toMillis());
        }
    }

    @Nested
    @DisplayName("a chunk source")
    class Source {
        @Test
        @DisplayName("hands out the recorded chunks in order, each after its own recorded delay (none for zero)")
        void chunksAfterTheirDelays() throws IOException {
            Timeline timeline = new Timeline();
            ChunkSource source = response(Optional.empty(), 0, 5, 7).openChunks(timeline);
            while (source.hasNext()) {
                timeline.events.add(new String(source.next(), UTF_8));
            }
            assertThat(timeline.events).containsExactly("chunk0", "wait 5", "chunk1", "wait 7", "chunk2");
            assertThat(source.failure()).isEmpty();
            assertThat(source.endsInFailure()).isFalse();
        }

        @Test
        @DisplayName("ends with the recorded interruption, naming the recording it came from")
        void endsWithTheInterruption() throws IOException {
            ChunkSource source = response(Optional.of("connection reset"), 0).openChunks(new Timeline());
            source.next();
            assertThat(source.hasNext()).isFalse();
            assertThat(source.endsInFailure()).isTrue();
            assertThat(source.failure())
                    .get()
                    .extracting(Throwable::getMessage)
                    .isEqualTo("connection reset (replayed from " + FILE + ")");
            assertThatThrownBy(source::next).isInstanceOf(java.util.NoSuchElementException.class);
        }

        @Test
        @DisplayName("turns an interrupted wait into InterruptedIOException and keeps the thread interrupted")
        void interruptedWait() {
            ChunkSource source = response(Optional.empty(), 3).openChunks(d -> {
                throw new InterruptedException();
            });
            try {
                assertThatThrownBy(source::next)
                        .isInstanceOf(InterruptedIOException.class)
                        .hasMessage("interrupted while replaying recorded timing");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        @DisplayName("is what the blocking body stream reads: the same bytes, then the recorded interruption")
        void blockingStream() throws IOException {
            InputStream body = response(Optional.of("reset"), 0, 0).openBody(new Timeline());
            byte[] buffer = new byte[64];
            assertThat(body.available()).isEqualTo("chunk0".length());
            assertThat(new String(buffer, 0, body.read(buffer), UTF_8)).isEqualTo("chunk0");
            assertThat(body.available()).isZero();
            assertThat(new String(buffer, 0, body.read(buffer, 0, 3), UTF_8)).isEqualTo("chu");
            assertThat(body.available()).isEqualTo(3);
            assertThat(new String(buffer, 0, body.read(buffer), UTF_8)).isEqualTo("nk1");
            assertThatThrownBy(() -> body.read(buffer))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("reset");
        }
    }

    /** A subscriber that logs what it receives and runs a hook inside onNext. */
    private static final class Probe implements Flow.Subscriber<List<ByteBuffer>> {
        final List<String> events = new ArrayList<>();
        Flow.Subscription subscription;
        Consumer<Probe> onNext = p -> {};
        int depth;
        int maxDepth;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            depth++;
            maxDepth = Math.max(maxDepth, depth);
            ByteBuffer item = items.get(0);
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            events.add(new String(bytes, UTF_8));
            onNext.accept(this);
            depth--;
        }

        @Override
        public void onError(Throwable t) {
            events.add("error " + t.getClass().getSimpleName() + ": " + t.getMessage());
        }

        @Override
        public void onComplete() {
            events.add("complete");
        }
    }

    @Nested
    @DisplayName("the Flow publisher")
    class Publisher {
        @Test
        @DisplayName("delivers one chunk per unit of demand, and completes when the last one is delivered")
        void onDemand() {
            Probe probe = new Probe();
            new ReplayPublisher(response(Optional.empty(), 0, 0), new Timeline()).subscribe(probe);
            assertThat(probe.events).isEmpty();
            probe.subscription.request(1);
            assertThat(probe.events).containsExactly("chunk0");
            probe.subscription.request(1);
            assertThat(probe.events).containsExactly("chunk0", "chunk1", "complete");
        }

        @Test
        @DisplayName("holds a recorded failure back until it is asked for, like a chunk")
        void failureWaitsForDemand() {
            Probe probe = new Probe();
            new ReplayPublisher(response(Optional.of("reset"), 0), new Timeline()).subscribe(probe);
            probe.subscription.request(1);
            assertThat(probe.events).containsExactly("chunk0");
            probe.subscription.request(1);
            assertThat(probe.events).containsExactly("chunk0", "error IOException: reset (replayed from " + FILE + ")");
        }

        @Test
        @DisplayName("keeps the stack flat when the subscriber asks for more inside onNext")
        void reentrantDemand() {
            Probe probe = new Probe();
            probe.onNext = p -> p.subscription.request(1);
            new ReplayPublisher(response(Optional.empty(), 0, 0, 0, 0), new Timeline()).subscribe(probe);
            probe.subscription.request(1);
            assertThat(probe.events).containsExactly("chunk0", "chunk1", "chunk2", "chunk3", "complete");
            assertThat(probe.maxDepth).isEqualTo(1);
        }

        @Test
        @DisplayName("stops after cancel")
        void cancel() {
            Probe probe = new Probe();
            probe.onNext = p -> p.subscription.cancel();
            new ReplayPublisher(response(Optional.empty(), 0, 0), new Timeline()).subscribe(probe);
            probe.subscription.request(5);
            assertThat(probe.events).containsExactly("chunk0");
        }

        @Test
        @DisplayName("rejects non-positive demand with the rule it breaks (§3.9), once")
        void nonPositiveDemand() {
            Probe probe = new Probe();
            new ReplayPublisher(response(Optional.empty(), 0), new Timeline()).subscribe(probe);
            probe.subscription.request(0);
            probe.subscription.request(1);
            assertThat(probe.events)
                    .containsExactly("error IllegalArgumentException: request(0): demand must be positive (§3.9)");
        }

        @Test
        @DisplayName("fails with InterruptedIOException when a recorded delay is interrupted")
        void interrupted() {
            Probe probe = new Probe();
            new ReplayPublisher(response(Optional.empty(), 4), d -> {
                        throw new InterruptedException();
                    })
                    .subscribe(probe);
            try {
                probe.subscription.request(1);
                assertThat(probe.events)
                        .containsExactly("error InterruptedIOException: interrupted while replaying recorded timing");
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        @DisplayName("gives each subscriber the whole body")
        void eachSubscriber() {
            ReplayPublisher publisher = new ReplayPublisher(response(Optional.empty(), 0), new Timeline());
            for (int i = 0; i < 2; i++) {
                Probe probe = new Probe();
                publisher.subscribe(probe);
                probe.subscription.request(Long.MAX_VALUE);
                assertThat(probe.events).containsExactly("chunk0", "complete");
            }
        }
    }
}
