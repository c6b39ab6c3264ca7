package dev.replayharness.core.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.replayharness.core.json.JsonDiff;
import dev.replayharness.core.key.KeyedRequest;
import dev.replayharness.core.recording.RecordedRequest;
import dev.replayharness.core.recording.Recording;

import tools.jackson.databind.JsonNode;

/** Ranks a store's recordings of one endpoint by how near their bodies are to a request's. */
final class NearestSearch {
    private NearestSearch() {}

    /**
     * What the search needs of a recording, computed once when it is indexed.
     *
     * @param request its request without the body (the body is held as the key sees it)
     */
    record Indexed(Path location, String name, String testId, RecordedRequest request, String path, JsonNode body) {
        static Indexed of(Path location, Recording recording) {
            RecordedRequest r = recording.request();
            String path = URI.create(r.url()).getRawPath();
            return new Indexed(
                    location,
                    location.getFileName().toString(),
                    recording.testId(),
                    new RecordedRequest(r.method(), r.url(), r.headers(), null, r.normalizers()),
                    path,
                    RecordingChecks.keyedBody(r));
        }

        boolean sameEndpoint(String method, String requestPath) {
            return request.method().equals(method) && requestPath.equals(path);
        }
    }

    /** A recording being ranked: its differences counted, not yet described. */
    private record Candidate(Indexed recording, boolean sameTest, int differences) {}

    private static final Comparator<Candidate> NEAREST_FIRST = Comparator.comparing((Candidate c) -> !c.sameTest())
            .thenComparingInt(Candidate::differences)
            .thenComparing(c -> c.recording().name());

    /**
     * The {@code limit} nearest, kept as a sorted list while scanning: each recording's differences are
     * only counted, and only up to the worst kept one's; the few kept are then diffed in full.
     */
    static List<NearMiss> rank(Iterable<Indexed> recordings, KeyedRequest request, String testId, int limit) {
        JsonNode wanted = RecordingChecks.keyedBody(request.recorded());
        String method = request.recorded().method();
        List<Candidate> nearest = new ArrayList<>(limit + 1);
        for (Indexed r : recordings) {
            if (limit == 0 || !r.sameEndpoint(method, request.path())) {
                continue;
            }
            boolean sameTest = testId != null && testId.equals(r.testId());
            Candidate worst = nearest.size() < limit ? null : nearest.get(nearest.size() - 1);
            if (worst != null && worst.sameTest() && !sameTest) {
                continue;
            }
            // Counting beyond the worst kept one's differences cannot bring a recording in.
            int bound = worst == null || worst.sameTest() != sameTest ? Integer.MAX_VALUE - 1 : worst.differences();
            Candidate candidate = new Candidate(r, sameTest, JsonDiff.count(wanted, r.body(), bound));
            if (worst != null && NEAREST_FIRST.compare(candidate, worst) >= 0) {
                continue;
            }
            int at = 0;
            while (at < nearest.size() && NEAREST_FIRST.compare(nearest.get(at), candidate) <= 0) {
                at++;
            }
            nearest.add(at, candidate);
            if (nearest.size() > limit) {
                nearest.remove(limit);
            }
        }
        return nearest.stream()
                .map(c -> new NearMiss(
                        c.recording().location(),
                        c.recording().testId(),
                        c.recording().request(),
                        c.recording().body(),
                        c.sameTest(),
                        JsonDiff.diff(wanted, c.recording().body())))
                .toList();
    }
}
