package dev.replayharness.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scores in a JMH JSON result file ({@code -rf json}), by benchmark and parameter. */
final class JmhResults {
    /**
     * One benchmark's score in its own unit (µs/op here).
     *
     * @param median the 50th percentile (sample mode), else the mean
     * @param mean the mean
     * @param error JMH's 99.9% confidence half-width of the mean
     * @param p90 the 90th percentile, or NaN outside sample mode
     * @param p99 the 99th percentile, or NaN outside sample mode
     * @param samples how many operations were timed (sample mode), else iterations
     * @param threads how many benchmark threads ran it ({@code -t})
     * @param mode JMH's mode ({@code sample}, {@code avgt}, {@code ss}, {@code thrpt})
     * @param unit the score's unit, e.g. {@code us/op}
     */
    record Score(
            double median,
            double mean,
            double error,
            double p90,
            double p99,
            long samples,
            int threads,
            String mode,
            String unit) {}

    private final Map<String, Score> scores = new LinkedHashMap<>();

    static JmhResults read(Path file) throws IOException {
        return read(java.util.List.of(file));
    }

    /** The scores of several result files (of disjoint runs) together; missing files are skipped. */
    static JmhResults read(java.util.List<Path> files) throws IOException {
        JmhResults results = new JmhResults();
        for (Path file : files) {
            if (Files.exists(file)) {
                results.add(file);
            }
        }
        return results;
    }

    private void add(Path file) throws IOException {
        JmhResults results = this;
        for (JsonNode run : JsonMapper.shared().readTree(Files.readAllBytes(file))) {
            String name = run.get("benchmark").stringValue();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1); // Class.method
            JsonNode params = run.get("params");
            String param = params == null ? "" : params(params);
            JsonNode metric = run.get("primaryMetric");
            JsonNode percentiles = metric.get("scorePercentiles");
            double mean = metric.get("score").doubleValue();
            double error = metric.get("scoreError").isNumber()
                    ? metric.get("scoreError").doubleValue()
                    : Double.NaN;
            boolean sampled = "sample".equals(run.get("mode").stringValue());
            long samples = 0;
            if (sampled) {
                for (JsonNode iteration : metric.get("rawDataHistogram")) {
                    for (JsonNode bucket : iteration) {
                        for (JsonNode pair : bucket) {
                            samples += pair.get(1).longValue();
                        }
                    }
                }
            } else {
                samples = run.get("measurementIterations").longValue();
            }
            results.scores.put(
                    key(name, param),
                    new Score(
                            sampled ? percentiles.get("50.0").doubleValue() : mean,
                            mean,
                            error,
                            sampled ? percentiles.get("90.0").doubleValue() : Double.NaN,
                            sampled ? percentiles.get("99.0").doubleValue() : Double.NaN,
                            samples,
                            run.get("threads").intValue(),
                            run.get("mode").stringValue(),
                            metric.get("scoreUnit").stringValue()));
        }
    }

    /** Every score, keyed {@code Class.method|params} in the order read. */
    Map<String, Score> all() {
        return java.util.Collections.unmodifiableMap(scores);
    }

    /** Parameter values joined by commas, in the order of their names. */
    private static String params(JsonNode params) {
        java.util.TreeMap<String, String> byName = new java.util.TreeMap<>();
        params.properties().forEach(p -> byName.put(p.getKey(), p.getValue().stringValue()));
        return String.join(",", byName.values());
    }

    /**
     * The score of {@code Class.method} with its parameters set to {@code param}: their values joined by
     * commas in the order of their names ("" for none).
     */
    Optional<Score> get(String benchmark, String param) {
        return Optional.ofNullable(scores.get(key(benchmark, param)));
    }

    private static String key(String benchmark, String param) {
        return benchmark + "|" + param;
    }
}
