package dev.replayharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;
import dev.replayharness.core.testing.ConnectionCountingServer;
import dev.replayharness.core.testing.LoopbackUpstream;

/** The README's "Without JUnit" example, as written there, against a loopback upstream. */
@DisplayName("The README's record-then-replay example works with each adapter")
class ReadmeExampleTest {
    @TempDir
    Path recordings;

    /** The README's {@code fetchAll}, verbatim. */
    static List<String> fetchAll(Path recordings, Mode mode, String url) throws Exception {
        Harness harness = Harness.builder()
                .recordingsDirectory(recordings)
                .namespace("demo")
                .mode(mode)
                .build();
        List<String> bodies = new ArrayList<>();
        try (HarnessSession session = harness.session("Demo#fetchAll")) { // recordings are written on close
            HttpClient jdk = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            bodies.add(jdk.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body());

            try (CloseableHttpClient classic =
                    ApacheHarness.wire(HttpClients.custom(), session).build()) {
                bodies.add(classic.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity())));
            }

            try (CloseableHttpAsyncClient async =
                    ApacheHarness.wire(HttpAsyncClients.custom(), session).build()) {
                async.start();
                bodies.add(async.execute(SimpleRequestBuilder.get(url).build(), null)
                        .get()
                        .getBodyText());
            }
        }
        return bodies;
    }

    @Test
    void recordThenReplay() throws Exception {
        try (LoopbackUpstream upstream = new LoopbackUpstream().json("/hello", 200, "{\"hello\":\"world\"}")) {
            assertThat(fetchAll(recordings, Mode.RECORD, upstream.uri("/hello").toString()))
                    .containsExactly("{\"hello\":\"world\"}", "{\"hello\":\"world\"}", "{\"hello\":\"world\"}");
        }
        try (ConnectionCountingServer nothingListens = new ConnectionCountingServer()) {
            assertThat(fetchAll(
                            recordings,
                            Mode.REPLAY,
                            nothingListens.uri("/hello").toString()))
                    .containsExactly("{\"hello\":\"world\"}", "{\"hello\":\"world\"}", "{\"hello\":\"world\"}");
            assertThat(nothingListens.acceptedConnections()).isZero();
        }
    }
}
