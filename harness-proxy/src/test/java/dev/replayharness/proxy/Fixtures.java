package dev.replayharness.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.replayharness.core.ConfigurationSource;
import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;

/** Shared helpers of the proxy's tests: a harness on a temporary folder, a plain client, the chat requests. */
final class Fixtures {
    static final String NAMESPACE = "proxied";
    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Fixtures() {}

    static Harness.Builder harness(Path recordings, Mode mode) {
        return Harness.builder()
                .recordingsDirectory(recordings)
                .namespace(NAMESPACE)
                .mode(mode)
                .configuration(ConfigurationSource.empty())
                .environment(ConfigurationSource.empty());
    }

    static String chatBody(String content, boolean stream) {
        return "{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]"
                + (stream ? ",\"stream\":true" : "") + "}";
    }

    static HttpRequest.Builder chat(URI base, String testId, String content, boolean stream) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(content, stream)));
        if (stream) {
            builder.header("Accept", "text/event-stream");
        }
        if (testId != null) {
            builder.header(ReplayProxy.TEST_HEADER, testId);
        }
        return builder;
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** {@code POST /__harness/tests/<id>/end}, the id percent-encoded ({@code #} is {@code %23}). */
    static HttpResponse<String> endTest(ReplayProxy proxy, String testId) throws IOException, InterruptedException {
        String encoded = java.net.URLEncoder.encode(testId, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return post(proxy.baseUri().resolve("/__harness/tests/" + encoded + "/end"));
    }

    /** Captures what the proxy logs (System.Logger goes to java.util.logging), every level. */
    static final class CapturedLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(ReplayProxy.class.getName());
        private final Level previous = logger.getLevel();
        final List<String> lines = new CopyOnWriteArrayList<>();

        CapturedLog() {
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}
