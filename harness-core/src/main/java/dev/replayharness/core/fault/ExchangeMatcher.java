package dev.replayharness.core.fault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import dev.replayharness.core.http.OutgoingRequest;
import dev.replayharness.core.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * Which exchanges a fault applies to: a request (method, path, a JSON body value), the recording that would
 * answer it, and which of the matching exchanges (the n-th, a range, all, or each with a seeded probability).
 * Every part left out matches anything. Immutable; each {@code with} method returns a new matcher.
 *
 * <pre>{@code
 * ExchangeMatcher.post("/openai/v1/chat/completions").body("/stream", "true").nth(1)
 * }</pre>
 *
 * @param method the request method, or {@code null} for any
 * @param path the request path exactly, or a prefix ending in {@code *}; {@code null} for any
 * @param bodyPointer a JSON pointer into the request body, or {@code null}
 * @param bodyValue what the body holds there: JSON ({@code true}, {@code 3}, {@code "x"}) or a bare string
 * @param recording the file name of the recording that would answer (e.g. {@code 3f…e1.json}), or {@code null}
 * @param from the first matching exchange the fault fires on, counting from 1
 * @param to the last one ({@link Integer#MAX_VALUE}: all from {@code from} on)
 * @param probability the chance each of them fires, 0 to 1
 * @param seed the seed of that chance (printed with every report of the fault)
 */
public record ExchangeMatcher(
        String method,
        String path,
        String bodyPointer,
        String bodyValue,
        String recording,
        int from,
        int to,
        double probability,
        long seed) {

    public ExchangeMatcher {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException(
                    "nth=" + from + (to == from ? "" : "-" + to) + ": exchanges count from 1 and a range runs upwards");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability=" + probability + " is not between 0 and 1");
        }
        if ((bodyPointer == null) != (bodyValue == null)) {
            throw new IllegalArgumentException("a body matcher needs both a pointer and a value");
        }
        method = method == null ? null : method.toUpperCase(java.util.Locale.ROOT);
    }

    /** Every exchange. */
    public static ExchangeMatcher any() {
        return new ExchangeMatcher(null, null, null, null, null, 1, Integer.MAX_VALUE, 1, 0);
    }

    /** {@code POST} requests to {@code path} (exact, or a prefix ending in {@code *}). */
    public static ExchangeMatcher post(String path) {
        return any().method("POST").path(path);
    }

    /** {@code GET} requests to {@code path}. */
    public static ExchangeMatcher get(String path) {
        return any().method("GET").path(path);
    }

    /** Exchanges answered by the recording file named {@code fileName}. */
    public static ExchangeMatcher recording(String fileName) {
        return any().recordingFile(fileName);
    }

    public ExchangeMatcher method(String value) {
        return new ExchangeMatcher(
                Objects.requireNonNull(value), path, bodyPointer, bodyValue, recording, from, to, probability, seed);
    }

    public ExchangeMatcher path(String value) {
        return new ExchangeMatcher(
                method, Objects.requireNonNull(value), bodyPointer, bodyValue, recording, from, to, probability, seed);
    }

    /** Requests whose JSON body holds {@code value} at {@code pointer}, e.g. {@code body("/stream", "true")}. */
    public ExchangeMatcher body(String pointer, String value) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("body pointer '" + pointer + "' is not a JSON pointer: start it with /");
        }
        return new ExchangeMatcher(method, path, pointer, value, recording, from, to, probability, seed);
    }

    public ExchangeMatcher recordingFile(String fileName) {
        return new ExchangeMatcher(
                method, path, bodyPointer, bodyValue, Objects.requireNonNull(fileName), from, to, probability, seed);
    }

    /** Only the {@code n}-th matching exchange (1 is the first). */
    public ExchangeMatcher nth(int n) {
        return new ExchangeMatcher(method, path, bodyPointer, bodyValue, recording, n, n, probability, seed);
    }

    /** The {@code first}-th to {@code last}-th matching exchanges, e.g. a burst of three: {@code nth(1, 3)}. */
    public ExchangeMatcher nth(int first, int last) {
        return new ExchangeMatcher(method, path, bodyPointer, bodyValue, recording, first, last, probability, seed);
    }

    /** Every matching exchange (the default). */
    public ExchangeMatcher all() {
        return new ExchangeMatcher(
                method, path, bodyPointer, bodyValue, recording, 1, Integer.MAX_VALUE, probability, seed);
    }

    /** Each selected exchange with chance {@code p}, drawn from {@code new Random(seed)} in exchange order. */
    public ExchangeMatcher probability(double p, long seed) {
        return new ExchangeMatcher(method, path, bodyPointer, bodyValue, recording, from, to, p, seed);
    }

    /** Whether the request (answered by {@code recordingFile}, if any) is one this matcher names. */
    public boolean matches(OutgoingRequest request, Optional<Path> recordingFile) {
        if (method != null && !method.equals(request.method())) {
            return false;
        }
        if (path != null && !pathMatches(request.uri().getRawPath())) {
            return false;
        }
        if (recording != null
                && !recordingFile
                        .map(f -> f.getFileName().toString().equals(recording))
                        .orElse(false)) {
            return false;
        }
        return bodyPointer == null || bodyMatches(request.body());
    }

    private boolean pathMatches(String requestPath) {
        return path.endsWith("*")
                ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : path.equals(requestPath);
    }

    private boolean bodyMatches(byte[] body) {
        Optional<JsonNode> json = Json.tryParse(body);
        if (json.isEmpty()) {
            return false;
        }
        JsonNode found = json.get().at(bodyPointer);
        if (found.isMissingNode()) {
            return false;
        }
        Optional<JsonNode> expected = Json.tryParse(bodyValue.getBytes(StandardCharsets.UTF_8));
        return expected.map(found::equals).orElse(false)
                || (found.isString() && found.asString().equals(bodyValue));
    }

    /** The matcher as the declaration syntax writes it. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (method != null) {
            out.append(";method=").append(method);
        }
        if (path != null) {
            out.append(";path=").append(path);
        }
        if (bodyPointer != null) {
            out.append(";body-at=").append(bodyPointer).append('=').append(bodyValue);
        }
        if (recording != null) {
            out.append(";recording=").append(recording);
        }
        if (from != 1 || to != Integer.MAX_VALUE) {
            out.append(";nth=").append(from);
            if (to != from) {
                out.append('-').append(to == Integer.MAX_VALUE ? "" : String.valueOf(to));
            }
        }
        if (probability < 1) {
            out.append(";probability=").append(probability).append(";seed=").append(seed);
        }
        return out.toString();
    }
}
