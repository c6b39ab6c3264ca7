// README.md, "The Bedrock provider": statements; request and schema are the reader's.
import java.nio.file.Path;
import java.util.Map;

import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.StreamedCompletion;
import dev.replayharness.openai.Tool;
import dev.replayharness.openai.ToolCall;
import java.net.http.HttpClient;

class BedrockProvider {
    void run(ChatCompletionRequest request, Map<String, Object> schema) throws Exception {
        /* SNIPPET */
    }
}
