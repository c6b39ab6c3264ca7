package dev.replayharness.langchain4j;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.FormDataFile;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;

import dev.replayharness.core.http.Headers;
import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.replay.ReplayedResponse;

/** Translates between LangChain4j's HTTP message model and the harness's. */
final class Messages {
    /**
     * The boundary of the multipart body the harness keys and records a form-data request by. The delegate
     * client picks its own (often random) boundary on the wire; a fixed one keeps the key stable.
     */
    static final String FORM_BOUNDARY = "replay-harness-form-data";

    private Messages() {}

    static OutgoingRequest outgoing(HttpRequest request) {
        Headers.Builder headers = Headers.builder();
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        byte[] body;
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            body = formData(request.formDataFields(), request.formDataFiles());
            headers.set("Content-Type", "multipart/form-data; boundary=" + FORM_BOUNDARY);
        } else {
            body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        }
        return new OutgoingRequest(request.method().name(), URI.create(request.url()), headers.build(), body);
    }

    private static byte[] formData(Map<String, String> fields, Map<String, FormDataFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            write(out, "--" + FORM_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            write(out, value + "\r\n");
        });
        files.forEach((name, file) -> {
            write(
                    out,
                    "--" + FORM_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            out.writeBytes(file.content());
            write(out, "\r\n");
        });
        write(out, "--" + FORM_BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    /** The status line and headers of a replayed response, without the body (the opening of a stream). */
    static SuccessfulHttpResponse opened(ReplayedResponse response) {
        return SuccessfulHttpResponse.builder()
                .statusCode(response.status())
                .headers(response.headers().asMap())
                .build();
    }

    /** A replayed plain response as the delegate client would have returned it: 2xx, else its {@link HttpException}. */
    static SuccessfulHttpResponse answer(ReplayedResponse response) {
        byte[] body = response.bodyBytes();
        if (!successful(response.status())) {
            throw new HttpException(response.status(), new String(body, StandardCharsets.UTF_8));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.status())
                .headers(response.headers().asMap())
                .body(body)
                .build();
    }

    static Headers headers(Map<String, List<String>> headers) {
        return headers == null ? Headers.empty() : Headers.of(headers);
    }
}
