package dev.replayharness.bedrock.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data:} payloads of a stream ({@code [DONE]} excluded), cut as Bedrock cuts them: a role
 * chunk, each reasoning piece as its own {@code <reasoning>} delta, the answer a few words at a time,
 * then tool calls as fragments (the first of each call carries {@code id}, {@code type} and
 * {@code function.name}; later ones {@code id: null} and a piece of {@code function.arguments}; up to
 * six fragments share a chunk, and a chunk may end one call and begin the next), an empty chunk with
 * the finish reason, and with {@code include_usage} a usage chunk with {@code choices: []}.
 */
final class StreamChunks {

    private static final int FRAGMENTS_PER_CHUNK = 6;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String id;
    private final String model;
    private final ResponseOptions options;
    private final List<String> chunks = new ArrayList<>();

    private StreamChunks(String id, String model, ResponseOptions options) {
        this.id = id;
        this.model = model;
        this.options = options;
    }

    static List<String> of(
            String id, String model, Answer answer, int promptTokens, ResponseOptions options, int fillerChunks) {
        StreamChunks stream = new StreamChunks(id, model, options);
        stream.add(delta -> delta.put("role", "assistant").put("content", ""), null, null);
        for (String piece : answer.reasoning()) {
            stream.add(delta -> delta.put("content", "<reasoning>" + piece + "</reasoning>"), null, piece);
        }
        for (String piece : answer.textDeltas()) {
            stream.add(delta -> delta.put("content", piece), null, piece);
        }
        for (int i = 0; i < fillerChunks; i++) {
            stream.add(delta -> delta.put("content", " …"), null, " …");
        }
        stream.toolCalls(answer.toolCalls());
        stream.add(delta -> {}, answer.finishReason(), null);
        if (options.includeUsage()) {
            ObjectNode root = EmulatorJson.header(id, "chat.completion.chunk", model, options);
            root.putArray("choices");
            EmulatorJson.usage(root, promptTokens, answer, true);
            stream.chunks.add(EmulatorJson.MAPPER.writeValueAsString(root));
        }
        return List.copyOf(stream.chunks);
    }

    private void toolCalls(List<ToolCall> calls) {
        List<ObjectNode> fragments = new ArrayList<>();
        for (int index = 0; index < calls.size(); index++) {
            ToolCall call = calls.get(index);
            List<String> pieces = call.argumentPieces();
            for (int i = 0; i < pieces.size(); i++) {
                ObjectNode fragment = EmulatorJson.MAPPER.createObjectNode().put("index", index);
                if (i == 0) {
                    fragment.put("id", call.id());
                    fragment.putObject("function")
                            .put("arguments", pieces.get(i))
                            .put("name", call.name());
                } else {
                    fragment.putNull("id");
                    fragment.putObject("function")
                            .put("arguments", pieces.get(i))
                            .putNull("name");
                }
                fragments.add(fragment.put("type", "function"));
            }
        }
        if (!fragments.isEmpty()) {
            toolCallChunk(fragments.subList(0, 1)); // the call's head comes alone, as in Bedrock's streams
        }
        for (int at = 1; at < fragments.size(); at += FRAGMENTS_PER_CHUNK) {
            toolCallChunk(fragments.subList(at, Math.min(fragments.size(), at + FRAGMENTS_PER_CHUNK)));
        }
    }

    private void toolCallChunk(List<ObjectNode> fragments) {
        add(delta -> delta.putArray("tool_calls").addAll(fragments), null, null);
    }

    /** A chunk of one choice; {@code logprobText} is the text its logprobs cover (null: none). */
    private void add(Consumer<ObjectNode> delta, String finish, String logprobText) {
        ObjectNode root = EmulatorJson.header(id, "chat.completion.chunk", model, options);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.put("finish_reason", finish);
        if (options.logprobs() && logprobText != null) {
            choice.set("logprobs", Logprobs.of(logprobText, options.topLogprobs()));
        }
        if (options.obfuscate()) {
            choice.put("obfuscation", obfuscation());
        }
        chunks.add(EmulatorJson.MAPPER.writeValueAsString(root));
    }

    /** Random padding of random length, a different string on every call: what the normalizer must remove. */
    private static String obfuscation() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12, 96); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
