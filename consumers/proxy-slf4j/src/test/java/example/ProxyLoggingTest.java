package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.Harness;
import dev.replayharness.core.Mode;
import dev.replayharness.proxy.ReplayProxy;

/**
 * harness-proxy (Jetty 12, SLF4J 2) in a build that declares harness-junit first, whose httpclient5 asks for
 * slf4j-api 1.7: the build must still resolve slf4j-api 2.x, or SLF4J 1.7 prints "Failed to load class
 * org.slf4j.impl.StaticLoggerBinder" and ignores SLF4J 2 bindings such as Jetty's.
 */
@DisplayName("harness-proxy beside harness-junit's httpclient5")
class ProxyLoggingTest {

    @Test
    @DisplayName("resolves slf4j-api 2.x, the API Jetty 12 logs through")
    void resolvesSlf4j2() {
        assertThat(classExists("org.slf4j.spi.SLF4JServiceProvider"))
                .as("org.slf4j.spi.SLF4JServiceProvider (SLF4J 2's provider SPI) on the test classpath")
                .isTrue();
    }

    @Test
    @DisplayName("starts and answers with no StaticLoggerBinder warning on stderr")
    void startsWithoutTheStaticLoggerBinderWarning(@TempDir Path recordings) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            Harness harness = Harness.builder()
                    .recordingsDirectory(recordings)
                    .namespace("proxy")
                    .mode(Mode.REPLAY)
                    .build();
            try (ReplayProxy proxy = ReplayProxy.builder(harness, URI.create("http://127.0.0.1:9"))
                    .port(0)
                    .build()
                    .start()) {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(proxy.baseUri().resolve("v1/models"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
            }
        } finally {
            System.setErr(original);
        }

        assertThat(status).as("a replay miss through the proxy").isEqualTo(ReplayProxy.DEFAULT_MISS_STATUS);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("StaticLoggerBinder");
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
