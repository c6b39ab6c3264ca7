package dev.replayharness.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ReasoningContent")
class ReasoningContentTest {

    @Nested
    @DisplayName("splits inline <reasoning> blocks from the answer")
    class Splitting {

        @Test
        @DisplayName("one leading block becomes the reasoning; the rest is the answer, unchanged")
        void oneBlock() {
            ReasoningContent split = ReasoningContent.split("<reasoning>think</reasoning>Humans live on **Earth**.");
            assertThat(split.reasoning()).isEqualTo("think");
            assertThat(split.answer()).isEqualTo("Humans live on **Earth**.");
        }

        @Test
        @DisplayName("several leading blocks are concatenated, as streamed reasoning fragments are")
        void severalBlocks() {
            ReasoningContent split = ReasoningContent.split(
                    "<reasoning>They want the</reasoning><reasoning> name of the capital.</reasoning>Washington");
            assertThat(split.reasoning()).isEqualTo("They want the name of the capital.");
            assertThat(split.answer()).isEqualTo("Washington");
        }

        @Test
        @DisplayName("whitespace between blocks is skipped; whitespace after the last block stays in the answer")
        void whitespace() {
            ReasoningContent split =
                    ReasoningContent.split("<reasoning>a</reasoning>\n<reasoning>b</reasoning>\n\nAnswer");
            assertThat(split.reasoning()).isEqualTo("ab");
            assertThat(split.answer()).isEqualTo("\n\nAnswer");
        }

        @Test
        @DisplayName("an unterminated leading block (answer cut off) is all reasoning")
        void unterminated() {
            ReasoningContent split = ReasoningContent.split("<reasoning>the user asks about");
            assertThat(split.reasoning()).isEqualTo("the user asks about");
            assertThat(split.answer()).isEmpty();
        }

        @Test
        @DisplayName("a tag that does not start the content is part of the answer")
        void tagLaterIsAnswer() {
            ReasoningContent split = ReasoningContent.split("Use <reasoning>tags</reasoning> like this");
            assertThat(split.hasReasoning()).isFalse();
            assertThat(split.answer()).isEqualTo("Use <reasoning>tags</reasoning> like this");
        }

        @Test
        @DisplayName("content without tags is all answer, leading whitespace included")
        void noTags() {
            assertThat(ReasoningContent.split("  Hello")).isEqualTo(new ReasoningContent("", "  Hello"));
        }

        @Test
        @DisplayName("null content gives no reasoning and a null answer")
        void nullContent() {
            assertThat(ReasoningContent.split(null)).isEqualTo(new ReasoningContent("", null));
        }

        @Test
        @DisplayName("a separate reasoning field comes before inline reasoning")
        void separateField() {
            assertThat(ReasoningContent.split("<reasoning>b</reasoning>ok", "a"))
                    .isEqualTo(new ReasoningContent("ab", "ok"));
        }
    }

    @Nested
    @DisplayName("is what messages and deltas expose")
    class Exposure {

        @Test
        @DisplayName("a message keeps rawContent exactly and offers content() and reasoning()")
        void message() {
            ChatMessage message = new ChatMessage("assistant", "<reasoning>r</reasoning>answer");
            assertThat(message.rawContent()).isEqualTo("<reasoning>r</reasoning>answer");
            assertThat(message.content()).isEqualTo("answer");
            assertThat(message.reasoning()).isEqualTo("r");
            assertThat(message.withoutReasoning()).isEqualTo(ChatMessage.assistant("answer"));
        }

        @Test
        @DisplayName("a whole reasoning delta has empty content")
        void delta() {
            Delta delta = new Delta(null, "<reasoning>r</reasoning>", null);
            assertThat(delta.content()).isEmpty();
            assertThat(delta.reasoning()).isEqualTo("r");
        }
    }
}
