package dev.replayharness.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.testing.RecordReplayParity;

@DisplayName("Through LangChain4j's HTTP client, record and replay hand the caller the same response")
class RecordReplayParityTest {
    static final String NAMESPACE = "langchain4j-parity";
    static final String TEST_ID = "RecordReplayParityTest#call";

    @TempDir
    Path recordings;

    static HttpRequest post(String base) {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(base + "/v1/chat/completions")
                .addHeader("Content-Type", "application/json")
                .body("{\"q\":1}")
                .build();
    }

    static String call(HarnessSession session, String base) {
        return HarnessLangChain4j.builder(session).build().execute(post(base)).body();
    }

    static String stream(HarnessSession session, String base) throws InterruptedException {
        HttpClient client = HarnessLangChain4j.builder(session).build();
        List<String> data = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        client.execute(post(base), new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event) {
                data.add(event.data());
            }

            @Override
            public void onError(Throwable error) {
                data.add("error: " + error);
                done.countDown();
            }

            @Override
            public void onClose() {
                done.countDown();
            }
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        return String.join("\n", data);
    }

    @Test
    @DisplayName("a JSON body (execute)")
    void json() throws Exception {
        RecordReplayParity.check(recordings, NAMESPACE, TEST_ID, false, RecordReplayParityTest::call);
    }

    @Test
    @DisplayName("a stream of events (execute with a listener)")
    void events() throws Exception {
        RecordReplayParity.check(recordings, NAMESPACE, TEST_ID, true, RecordReplayParityTest::stream);
    }
}
