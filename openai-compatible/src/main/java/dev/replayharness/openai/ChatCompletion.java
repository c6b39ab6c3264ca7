package dev.replayharness.openai;

import java.util.List;

/**
 * A non-streamed chat completion. Unknown fields sent by the server are ignored.
 *
 * <p>The convenience accessors read the first choice, which is the only one unless the request
 * asked for {@code n > 1}.
 *
 * @param id the server's completion id
 * @param object always {@code chat.completion}
 * @param created creation time in epoch seconds
 * @param model the model that answered, as the server names it
 * @param choices the alternatives; never null
 * @param usage token accounting; may be null
 * @param systemFingerprint backend configuration fingerprint, if sent
 * @param serviceTier service tier, if sent
 */
public record ChatCompletion(
        String id,
        String object,
        Long created,
        String model,
        List<Choice> choices,
        Usage usage,
        String systemFingerprint,
        String serviceTier) {

    public ChatCompletion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The first choice's message; fails with a clear message when the server sent no choice. */
    public ChatMessage message() {
        return firstChoice().message();
    }

    /** The answer without reasoning. */
    public String content() {
        return message().content();
    }

    /** The reasoning; empty when there was none. */
    public String reasoning() {
        return message().reasoning();
    }

    /** The content exactly as the server sent it, reasoning tags included. */
    public String rawContent() {
        return message().rawContent();
    }

    /** Why generation stopped, e.g. {@code stop} or {@code length}. */
    public String finishReason() {
        return firstChoice().finishReason();
    }

    private Choice firstChoice() {
        if (choices.isEmpty() || choices.get(0).message() == null) {
            throw new OpenAiProtocolException(
                    "chat completion " + id + " has no choice with a message; the server answered 2xx without an answer");
        }
        return choices.get(0);
    }
}
