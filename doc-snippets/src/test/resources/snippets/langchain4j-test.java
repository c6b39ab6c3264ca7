// docs/langchain4j.md: a test class; the imports it needs.
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.Recorded;
import dev.replayharness.langchain4j.HarnessLangChain4j;

/* SNIPPET */
