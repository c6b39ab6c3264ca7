package dev.replayharness.junit.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What fixtures send to {@link Upstream}, and what they saw, for the outer test to check. */
public final class Calls {
    /** Answers the fixtures received, by a key each fixture chooses (usually its test id). */
    public static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

    private Calls() {
    }

    public static String body(String question) {
        return "{\"question\":\"" + question + "\"}";
    }

    /** Asks {@link Upstream#current()} through a {@code java.net.http} client; returns the response body. */
    public static String ask(HttpClient client, String question) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Upstream.current().chatUri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(question)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
