package dev.replayharness.examples;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.replayharness.bedrock.BedrockAuthenticationException;
import dev.replayharness.bedrock.BedrockClient;
import dev.replayharness.bedrock.BedrockConfig;
import dev.replayharness.bedrock.BedrockException;
import dev.replayharness.bedrock.BedrockModelNotFoundException;
import dev.replayharness.bedrock.StackConfig;
import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.RecordingScope;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.normalize.ResponseNormalizer;
import dev.replayharness.openai.ChatCompletion;
import dev.replayharness.openai.ChatCompletionRequest;
import dev.replayharness.openai.ChatCompletionStream;
import dev.replayharness.openai.ReasoningContent;

/**
 * The Bedrock usage guide's examples 1-6 (simple chat, streaming, multi-turn, system message,
 * sampling parameters, error handling) in Java.
 *
 * <p>With {@code AWS_BEARER_TOKEN_BEDROCK} set it calls Amazon Bedrock. Without it, it replays the
 * committed recordings in {@code recordings/bedrock-examples} and nothing leaves the machine.
 * {@code -Dharness.mode=record -Dbedrock.base-url=URL} records them (the tests do that against the emulator).
 */
public final class BedrockExamples {
    static final String MODEL_ID = "bedrock/openai.gpt-oss-20b-1:0";
    static final String NAMESPACE = "bedrock-examples";
    /** Overrides the endpoint, e.g. the emulator's {@code http://127.0.0.1:PORT/openai/v1}: {@value}. */
    static final String BASE_URL_PROPERTY = "bedrock.base-url";

    private final BedrockClient client;
    private final PrintStream out;

    BedrockExamples(BedrockClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /**
     * Live against Amazon Bedrock when {@code AWS_BEARER_TOKEN_BEDROCK} is set; otherwise through the
     * harness (mode from {@code -Dharness.mode}/{@code HARNESS_MODE}, default replay) with shared
     * recordings in {@code recordings/bedrock-examples}.
     */
    public static void main(String[] args) {
        Path root = repositoryRoot();
        String token = System.getenv(BedrockConfig.API_KEY_VARIABLE);
        String baseUrl = System.getProperty(BASE_URL_PROPERTY);
        URI base = baseUrl == null ? null : URI.create(baseUrl);
        if (token != null && !token.isBlank() && base == null) {
            System.out.println("AWS_BEARER_TOKEN_BEDROCK is set: calling Amazon Bedrock.\n");
            run(System.out, root, null, System::getenv, HttpClient.newHttpClient());
            return;
        }
        Harness harness = harness(
                root.resolve("recordings"),
                Mode.resolve(
                        Optional.empty(), ConfigurationSource.systemProperties(), ConfigurationSource.environment()));
        System.out.println(
                "No AWS_BEARER_TOKEN_BEDROCK: " + harness.mode() + " from " + harness.namespaceDirectory() + ".\n");
        try (HarnessSession session = harness.sharedSession()) {
            run(System.out, root, base, name -> null, JdkHarness.wrap(HttpClient.newHttpClient(), session));
        }
    }

    /**
     * Runs the six examples through {@code http}, configured by {@code bedrock-run.yaml} with
     * {@code environment} (its key defaults to the replay dummy key), against {@code baseUri} when given.
     */
    static void run(PrintStream out, Path root, URI baseUri, Function<String, String> environment, HttpClient http) {
        StackConfig stack = StackConfig.load(root.resolve("bedrock-provider").resolve("bedrock-run.yaml"), environment);
        BedrockConfig config = baseUri == null
                ? stack.bedrockConfig()
                : stack.bedrockConfig().toBuilder().baseUri(baseUri).build();
        new BedrockExamples(
                        BedrockClient.builder(config)
                                .models(stack.models())
                                .httpClient(http)
                                .build(),
                        out)
                .runAll();
    }

    /** The harness the program replays (or records) with: shared recordings, OpenAI-style ids normalized. */
    static Harness harness(Path recordings, Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace(NAMESPACE)
                .mode(mode)
                .scope(RecordingScope.SHARED)
                .responseNormalizer(ResponseNormalizer.openAiCompatible())
                .build();
    }

    /** The nearest directory, from the working directory up, with {@code bedrock-provider/bedrock-run.yaml}. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bedrock-provider").resolve("bedrock-run.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "Run the examples from inside the repository: no bedrock-provider/bedrock-run.yaml above "
                        + Path.of("").toAbsolutePath());
    }

    void runAll() {
        simpleChat();
        streaming();
        multiTurn();
        systemMessage();
        samplingParameters();
        errorHandling();
    }

    /** Example 1: simple chat completion (non-streaming). */
    void simpleChat() {
        out.println("== Example 1: simple chat completion");
        ChatCompletion response = client.chat(
                ChatCompletionRequest.builder(MODEL_ID).user("Which planet do humans live on?").stream(false)
                        .build());
        out.println("Response: " + response.content());
        out.println("Tokens used: "
                + (response.usage() == null ? "?" : response.usage().totalTokens()));
        out.println();
    }

    /** Example 2: streaming response, printed as the answer's deltas arrive (reasoning deltas left out). */
    void streaming() {
        out.println("== Example 2: streaming response");
        out.print("Streaming response: ");
        try (ChatCompletionStream stream = client.chatStream(ChatCompletionRequest.builder(MODEL_ID)
                .user("What's the name of the Sun in latin?")
                .build())) {
            stream.forEachRemaining(chunk -> {
                if (chunk.rawContentDelta() != null) {
                    out.print(ReasoningContent.split(chunk.rawContentDelta()).answer());
                    out.flush();
                }
            });
        }
        out.println("\n");
    }

    /** Example 3: multi-turn conversation (context retention). */
    void multiTurn() {
        out.println("== Example 3: multi-turn conversation");
        ChatCompletion response = client.chat(ChatCompletionRequest.builder(MODEL_ID)
                .user("My name is Alice")
                .assistant("Nice to meet you, Alice! How can I help you today?")
                .user("What is my name?")
                .stream(false)
                .build());
        out.println("Response: " + response.content());
        out.println();
    }

    /** Example 4: system message (role-based prompting). */
    void systemMessage() {
        out.println("== Example 4: system message");
        ChatCompletion response = client.chat(ChatCompletionRequest.builder(MODEL_ID)
                .system("You are Shakespeare. Respond only in Shakespearean English.")
                .user("Tell me about the weather today")
                .stream(false)
                .build());
        out.println("Shakespeare: " + response.content());
        out.println();
    }

    /** Example 5: sampling parameters. */
    void samplingParameters() {
        out.println("== Example 5: sampling parameters");
        ChatCompletion low = client.chat(
                ChatCompletionRequest.builder(MODEL_ID)
                        .user("Write a haiku about coding")
                        .temperature(0.1)
                        .maxTokens(50)
                        .stream(false)
                        .build());
        out.println("Low temperature (0.1): " + low.content());
        ChatCompletion high = client.chat(
                ChatCompletionRequest.builder(MODEL_ID)
                        .user("Write a haiku about coding")
                        .temperature(0.9)
                        .topP(0.95)
                        .maxTokens(50)
                        .stream(false)
                        .build());
        out.println("High temperature (0.9, top_p 0.95): " + high.content());
        out.println();
    }

    /** Example 6: error handling. */
    void errorHandling() {
        out.println("== Example 6: error handling");
        out.println("Result: " + safeChatCompletion(List.of("Hello!"), MODEL_ID));
        out.println("Result: " + safeChatCompletion(List.of("Hello!"), "bedrock/no-such-model"));
    }

    /** The guide's {@code safe_chat_completion}: the answer, or null after printing what went wrong. */
    String safeChatCompletion(List<String> userMessages, String modelId) {
        try {
            ChatCompletionRequest.Builder request = ChatCompletionRequest.builder(modelId).stream(false);
            userMessages.forEach(request::user);
            return client.chat(request.build()).content();
        } catch (BedrockAuthenticationException e) {
            out.println("Auth Error: " + e.getMessage());
        } catch (BedrockModelNotFoundException e) {
            out.println("Model not found: " + e.getMessage());
        } catch (BedrockException e) {
            out.println("Error: " + e.getMessage());
        }
        return null;
    }
}
