// README.md, LangChain4j's BedrockChatModel: statements; session is the test's.
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.chat.ChatModel;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import dev.replayharness.awssdk.HarnessAws;
import dev.replayharness.core.HarnessSession;

class LangChain4jBedrock {
    void run(HarnessSession session) {
        /* SNIPPET */
    }
}
