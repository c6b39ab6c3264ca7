package dev.replayharness.junit.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/** What fixtures send to {@link Upstream}, and what they saw, for the outer test to check. */
public final class Calls {
    /** Answers the fixtures received, by a key each fixture chooses (usually its test id). */
    public static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

    private Calls() {}

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

    /** Asks through an Apache classic client. */
    public static String ask(CloseableHttpClient client, String question) throws Exception {
        HttpPost post = new HttpPost(Upstream.current().chatUri());
        post.setEntity(new StringEntity(body(question), ContentType.APPLICATION_JSON));
        return client.execute(post, response -> EntityUtils.toString(response.getEntity()));
    }

    /** Asks through an Apache async client. */
    public static String ask(CloseableHttpAsyncClient client, String question) throws Exception {
        SimpleHttpRequest request = SimpleRequestBuilder.post(Upstream.current().chatUri())
                .setBody(body(question), ContentType.APPLICATION_JSON)
                .build();
        return client.execute(request, null).get(30, TimeUnit.SECONDS).getBodyText();
    }
}
