package dev.replayharness.core.fault;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.apache.ApacheHarness;
import dev.replayharness.core.jdk.JdkHarness;

/** The three adapters of harness-core, each making one POST and reading its body to the end or a failure. */
enum CoreAdapters {
    JAVA_NET_HTTP {
        @Override
        Reply post(HarnessSession session, URI uri, String body) {
            HttpClient client = JdkHarness.wrap(HttpClient.newHttpClient(), session);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (Exception e) {
                return Reply.failedBefore(e);
            }
            return Reply.read(
                    response.statusCode(),
                    response.headers().firstValue("retry-after").orElse(null),
                    response.body());
        }
    },
    APACHE_CLASSIC {
        @Override
        Reply post(HarnessSession session, URI uri, String body) throws Exception {
            try (CloseableHttpClient client =
                    ApacheHarness.wire(HttpClients.custom(), session).build()) {
                HttpPost post = new HttpPost(uri);
                post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                try {
                    return client.execute(post, response -> {
                        Header retryAfter = response.getFirstHeader("retry-after");
                        return Reply.read(
                                response.getCode(),
                                retryAfter == null ? null : retryAfter.getValue(),
                                response.getEntity().getContent());
                    });
                } catch (Exception e) {
                    return Reply.failedBefore(e);
                }
            }
        }
    },
    APACHE_ASYNC {
        @Override
        Reply post(HarnessSession session, URI uri, String body) throws Exception {
            try (CloseableHttpAsyncClient client =
                    ApacheHarness.wire(HttpAsyncClients.custom(), session).build()) {
                client.start();
                SimpleHttpResponse response;
                try {
                    response = client.execute(
                                    SimpleRequestBuilder.post(uri)
                                            .setBody(body, ContentType.APPLICATION_JSON)
                                            .build(),
                                    null)
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return Reply.failedBefore(e.getCause());
                }
                Header retryAfter = response.getFirstHeader("retry-after");
                return new Reply(
                        response.getCode(),
                        retryAfter == null ? null : retryAfter.getValue(),
                        response.getBodyText() == null ? "" : response.getBodyText(),
                        null);
            }
        }
    };

    abstract Reply post(HarnessSession session, URI uri, String body) throws Exception;

    /**
     * What the caller saw.
     *
     * @param status 0 when the exchange failed before a response
     * @param body what was read before the end or the failure
     * @param failure what the send or a read threw, if anything
     */
    record Reply(int status, String retryAfter, String body, Throwable failure) {
        static Reply failedBefore(Throwable e) {
            return new Reply(0, null, "", e);
        }

        static Reply read(int status, String retryAfter, InputStream in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (Exception e) {
                return new Reply(status, retryAfter, out.toString(StandardCharsets.UTF_8), e);
            }
            return new Reply(status, retryAfter, out.toString(StandardCharsets.UTF_8), null);
        }

        /** Every message in the failure's cause chain. */
        String failureMessages() {
            StringBuilder out = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                out.append(t.getClass().getName())
                        .append(": ")
                        .append(t.getMessage())
                        .append('\n');
            }
            return out.toString();
        }
    }
}
