package dev.replayharness.okhttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.testing.RecordReplayParity;

@DisplayName("Through OkHttp, record and replay hand the caller the same response")
class RecordReplayParityTest {
    @TempDir
    Path recordings;

    static String call(HarnessSession session, String url) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .post(RequestBody.create("{\"q\":1}", MediaType.get("application/json")))
                .build();
        try (Response response = HarnessOkHttp.client(session).newCall(request).execute()) {
            return new String(response.body().bytes(), StandardCharsets.UTF_8); // bytes() checks the declared length
        }
    }

    @Test
    @DisplayName("a JSON body's ids and created are normalized in record mode as in replay (bytes(), with no"
            + " Content-Length mismatch)")
    void json() throws Exception {
        RecordReplayParity.check(
                recordings,
                Sessions.NAMESPACE,
                Sessions.TEST_ID,
                false,
                (session, base) -> call(session, base + "/v1/chat/completions"));
    }
}
