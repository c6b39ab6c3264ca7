package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ChatCompletionStream")
class ChatCompletionStreamTest {

    /** The shapes Bedrock and OpenAI really send, in one stream. */
    static final String REAL_SHAPES = """
            data: {"id":"c1","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":"<reasoning>They want the</reasoning>"}}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":"<reasoning> capital.</reasoning>"}}]}

            : a comment the parser skips

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Washington,"}}],"obfuscation":"abc"}

            data: {"id":"c1","choices":[{"index":0,"delta":{}}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":" D.C."},"finish_reason":null}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":null},"finish_reason":"stop"}]}

            data: {"id":"c1","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30}}

            data: [DONE]

            """;

    @Nested
    @DisplayName("reads the real stream shapes")
    class RealShapes {

        @Test
        @DisplayName("yields every chunk, the role chunk, empty deltas and the usage chunk included")
        void allChunks() {
            try (ChatCompletionStream stream = streamOf(REAL_SHAPES)) {
                List<ChatCompletionChunk> chunks = stream.stream().toList();
                assertThat(chunks).hasSize(8);
                assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
                assertThat(chunks.get(7).choices()).isEmpty();
                assertThat(stream.sawDone()).isTrue();
            }
        }

        @Test
        @DisplayName("accumulates content equal to the concatenated deltas, split into reasoning and answer")
        void accumulate() {
            StreamedCompletion result = streamOf(REAL_SHAPES).accumulate();
            assertThat(result.rawContent())
                    .isEqualTo("<reasoning>They want the</reasoning><reasoning> capital.</reasoning>Washington, D.C.");
            assertThat(result.reasoning()).isEqualTo("They want the capital.");
            assertThat(result.content()).isEqualTo("Washington, D.C.");
            assertThat(result.finishReason()).isEqualTo("stop");
            assertThat(result.usage()).isEqualTo(new Usage(10, 20, 30));
            assertThat(result.role()).isEqualTo("assistant");
            assertThat(result.id()).isEqualTo("c1");
            assertThat(result.chunkCount()).isEqualTo(8);
            assertThat(result.toChatCompletion().content()).isEqualTo("Washington, D.C.");
        }

        @Test
        @DisplayName("takes a finish_reason sent on the last content chunk")
        void finishOnContentChunk() {
            StreamedCompletion result = streamOf("""
                    data: {"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"length"}]}

                    data: [DONE]

                    """).accumulate();
            assertThat(result.content()).isEqualTo("Hi");
            assertThat(result.finishReason()).isEqualTo("length");
        }

        @Test
        @DisplayName("ends at [DONE] even if more follows, and at end of input without [DONE]")
        void endings() {
            try (ChatCompletionStream stream = streamOf("data: [DONE]\n\ndata: {\"choices\":[]}\n\n")) {
                assertThat(stream.hasNext()).isFalse();
                assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
            }
            try (ChatCompletionStream stream = streamOf("data: {\"choices\":[]}\n\n")) {
                assertThat(stream.stream().count()).isEqualTo(1);
                assertThat(stream.sawDone()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("reports broken streams")
    class Broken {

        @Test
        @DisplayName("an error event mid-stream fails with its data")
        void errorEvent() {
            ChatCompletionStream stream = streamOf("data: {\"error\":{\"message\":\"overloaded\"}}\n\n");
            assertThatThrownBy(stream::hasNext)
                    .isInstanceOf(OpenAiProtocolException.class)
                    .hasMessageContaining("test-source reported an error")
                    .hasMessageContaining("overloaded");
        }

        @Test
        @DisplayName("data that is not JSON fails naming the source and quoting the data")
        void notJson() {
            assertThatThrownBy(() -> streamOf("data: hello\n\n").hasNext())
                    .isInstanceOf(OpenAiProtocolException.class)
                    .hasMessageContaining("test-source sent data that is not JSON")
                    .hasMessageEndingWith(": hello");
        }
    }

    @Nested
    @DisplayName("owns the response body")
    class Closing {

        @Test
        @DisplayName("closing early closes the body; afterwards the stream is simply over")
        void closeEarly() {
            TrackingInputStream body = new TrackingInputStream(REAL_SHAPES);
            ChatCompletionStream stream = new ChatCompletionStream(body, "test-source");
            stream.next();
            stream.close();
            assertThat(body.closed).isTrue();
            assertThat(stream.hasNext()).isFalse();
        }

        @Test
        @DisplayName("reaching [DONE] closes the body, as does closing the Stream view")
        void closeAtEnd() {
            TrackingInputStream body = new TrackingInputStream(REAL_SHAPES);
            new ChatCompletionStream(body, "test-source").forEachRemaining(chunk -> {});
            assertThat(body.closed).isTrue();

            TrackingInputStream viaStream = new TrackingInputStream(REAL_SHAPES);
            try (var chunks = new ChatCompletionStream(viaStream, "test-source").stream()) {
                chunks.findFirst();
            }
            assertThat(viaStream.closed).isTrue();
        }
    }

    static ChatCompletionStream streamOf(String sse) {
        return new ChatCompletionStream(new TrackingInputStream(sse), "test-source");
    }

    static final class TrackingInputStream extends FilterInputStream {
        boolean closed;

        TrackingInputStream(String text) {
            super(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
