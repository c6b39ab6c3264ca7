package dev.replayharness.openai;

import java.net.URI;

/** Where the Chat Completions (and model list) endpoints live under a base URI. */
final class ChatEndpoint {

    private ChatEndpoint() {}

    /**
     * {@code base + "/chat/completions"}. A base that already ends in {@code /chat/completions}
     * is refused rather than doubled: that mistake produced {@code /v1/v1/} paths elsewhere.
     */
    static URI chatCompletions(URI base) {
        if (base == null) {
            throw new IllegalArgumentException("a base URI is required, e.g. https://host/openai/v1");
        }
        String scheme = base.getScheme();
        if (!base.isAbsolute()
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || base.getRawQuery() != null
                || base.getRawFragment() != null) {
            throw new IllegalArgumentException("base URI " + base
                    + " must be an absolute http(s) URI without query or fragment, e.g. https://host/openai/v1");
        }
        String text = base.toString().replaceAll("/+$", "");
        if (text.endsWith("/chat/completions")) {
            throw new IllegalArgumentException(
                    "base URI " + base + " already names the endpoint;" + " give the API root instead, e.g. "
                            + text.substring(0, text.length() - "/chat/completions".length()));
        }
        return URI.create(text + "/chat/completions");
    }

    /** {@code base + "/models"}, beside {@code chatCompletions}. */
    static URI models(URI chatCompletions) {
        String text = chatCompletions.toString();
        return URI.create(text.substring(0, text.length() - "/chat/completions".length()) + "/models");
    }
}
