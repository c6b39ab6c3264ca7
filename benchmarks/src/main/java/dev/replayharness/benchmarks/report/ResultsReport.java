package dev.replayharness.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.replayharness.benchmarks.fixtures.StreamExchange;

/**
 * Prints the RESULTS.md tables from a JMH JSON result file and the JMH log, with every ratio a target
 * is stated in. Medians are compared (sample mode), means for the hashing throughput (average mode).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.replayharness.benchmarks.report.ResultsReport RESULT.json [JMH.log]</pre>
 */
public final class ResultsReport {
    private static final List<String> SIZES = List.of("10", "1000", "10000");
    private static final List<String> BODIES = List.of("1024", "102400", "10485760");

    private final JmhResults results;
    private final Map<String, FirstChunkLog.Delays> firstChunk;
    private final StringBuilder out = new StringBuilder();

    private ResultsReport(JmhResults results, Map<String, FirstChunkLog.Delays> firstChunk) {
        this.results = results;
        this.firstChunk = firstChunk;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultsReport RESULT.json [JMH.log]");
            System.exit(2);
        }
        ResultsReport report = new ResultsReport(
                JmhResults.read(Path.of(args[0])), FirstChunkLog.read(args.length > 1 ? Path.of(args[1]) : null));
        System.out.print(report.render());
    }

    String render() {
        replayTable();
        targets();
        streaming();
        hashing();
        return out.toString();
    }

    private void replayTable() {
        line("#### Replay of one ~2 KB chat completion, µs per exchange: median [p90] (mean ± 99.9% error)");
        line("");
        line(
                "| recordings in store | floor (no cache) | jdk | apache | jdk, uncached | apache, uncached | apache, new client | apache client alone, no harness | jdk, one session REUSE_LAST | WireMock, jdk | WireMock, apache |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String size : SIZES) {
            line("| " + String.format(Locale.ROOT, "%,d", Integer.parseInt(size)) + " | "
                    + cell("ReplayBenchmark.floor", size) + " | " + cell("ReplayBenchmark.jdk", size) + " | "
                    + cell("ReplayBenchmark.apache", size) + " | " + cell("ReplayBenchmark.jdkUncached", size) + " | "
                    + cell("ReplayBenchmark.apacheUncached", size) + " | "
                    + cell("ReplayBenchmark.apacheNewClient", size) + " | "
                    + cell("ReplayBenchmark.apacheClientOnly", size) + " | "
                    + cell("ReplayBenchmark.jdkSessionReuseLast", size) + " | " + cell("WireMockBenchmark.jdk", size)
                    + " | "
                    + cell("WireMockBenchmark.apache", size) + " |");
        }
        line("");
        line(
                "jdk, apache, apache new client and REUSE_LAST replay through the replay cache (the default); "
                        + "the uncached columns read, parse and check the file against the request every exchange, as the first replay of a file in a JVM does.");
        line("");
    }

    private void targets() {
        line("#### Ratios (of medians) against the targets");
        line("");
        line("| ratio | 10 | 1,000 | 10,000 | target | met |");
        line("|---|---:|---:|---:|---|---|");
        for (String client : List.of("jdk", "apache", "jdkUncached", "apacheUncached")) {
            String wireMock = client.startsWith("jdk") ? "jdk" : "apache";
            ratioRow(
                    "WireMock " + wireMock + " / harness " + client,
                    s -> ratio("WireMockBenchmark." + wireMock, s, "ReplayBenchmark." + client, s),
                    "≥ 50× at 10",
                    r -> r >= 50);
        }
        for (String client : List.of("jdk", "apache", "jdkUncached", "apacheUncached")) {
            ratioRow(
                    "harness " + client + " / floor",
                    s -> ratio("ReplayBenchmark." + client, s, "ReplayBenchmark.floor", s),
                    "≤ 1.5× (every size)",
                    r -> r <= 1.5);
        }
        for (String b : List.of("floor", "jdk", "apache", "jdkUncached", "apacheUncached")) {
            Optional<Double> r = ratio("ReplayBenchmark." + b, "10000", "ReplayBenchmark." + b, "10");
            line("| " + b + ": 10,000 recordings / 10 |  |  | " + times(r) + " | ≤ 1.2× | " + met(r, x -> x <= 1.2)
                    + " |");
        }
        line("");
    }

    private void ratioRow(
            String name,
            Function<String, Optional<Double>> ratio,
            String target,
            java.util.function.DoublePredicate ok) {
        Optional<Double> first = ratio.apply(SIZES.get(0));
        boolean every = target.contains("every");
        boolean met = every
                ? SIZES.stream().map(ratio).allMatch(r -> r.isPresent() && ok.test(r.get()))
                : first.isPresent() && ok.test(first.get());
        line("| " + name + " | " + times(first) + " | " + times(ratio.apply(SIZES.get(1))) + " | "
                + times(ratio.apply(SIZES.get(2))) + " | " + target + " | "
                + (first.isEmpty() ? "n/a" : met ? "yes" : "**no**") + " |");
    }

    private void streaming() {
        line("#### Streaming");
        line("");
        line("| replay of " + StreamExchange.EVENTS
                + " SSE chunks, fresh session | median µs (mean ± error) | chunks/s at the median |");
        line("|---|---:|---:|");
        for (String client : List.of("jdk", "apache")) {
            Optional<JmhResults.Score> s = results.get("StreamingReplayBenchmark." + client, "");
            line("| " + client + " | " + cell("StreamingReplayBenchmark." + client, "") + " | "
                    + s.map(x -> String.format(Locale.ROOT, "%,.0f", StreamExchange.EVENTS / x.median() * 1e6))
                            .orElse("n/a")
                    + " |");
        }
        line("");
        line(
                "| record mode, " + StreamExchange.EVENTS
                        + "-chunk stream from a loopback upstream | first chunk: upstream write → caller read, µs p50 / p90 / p99 | request → first chunk, µs p50 / p90 / p99 | whole exchange, median µs |");
        line("|---|---:|---:|---:|");
        for (String b : List.of("bareJdk", "recordJdk", "bareApache", "recordApache")) {
            FirstChunkLog.Delays d = firstChunk.get(b);
            line("| " + b + " | " + (d == null ? "n/a" : triple(d.sent()) + " (n=" + d.n() + ")") + " | "
                    + (d == null ? "n/a" : triple(d.request())) + " | " + cell("FirstChunkBenchmark." + b, "") + " |");
        }
        for (String client : List.of("Jdk", "Apache")) {
            FirstChunkLog.Delays bare = firstChunk.get("bare" + client);
            FirstChunkLog.Delays record = firstChunk.get("record" + client);
            if (bare != null && record != null) {
                double added = record.sent()[0] - bare.sent()[0];
                line("| **added by record mode (" + client.toLowerCase(Locale.ROOT) + ")**, p50 difference | "
                        + fmt(added) + " µs | " + fmt(record.request()[0] - bare.request()[0])
                        + " µs | target ≤ 1,000 µs: "
                        + (added <= 1000 ? "yes" : "**no**") + " |");
            }
        }
        line("");
    }

    private void hashing() {
        line("#### Canonical form + SHA-256 of a request with a JSON body (already parsed)");
        line("");
        line("| body | text | µs per key (mean ± error) | MiB/s | target |");
        line("|---|---|---:|---:|---|");
        for (String bytes : BODIES) {
            for (String text : List.of("MIXED", "ENGLISH")) {
                Optional<JmhResults.Score> s = results.get("CanonicalHashBenchmark.key", bytes + "," + text);
                double mib = Integer.parseInt(bytes) / 1048576.0;
                String throughput = s.map(x -> String.format(Locale.ROOT, "%,.0f", mib / (x.mean() / 1e6)))
                        .orElse("n/a");
                String target = bytes.equals("10485760")
                        ? "≥ 300 MB/s: "
                                + s.map(x -> mib * 1.048576 / (x.mean() / 1e6) >= 300 ? "yes" : "**no**")
                                        .orElse("n/a")
                        : "";
                line("| " + label(Integer.parseInt(bytes)) + " | " + text.toLowerCase(Locale.ROOT) + " | "
                        + s.map(x -> fmt(x.mean()) + " ± " + fmt(x.error())).orElse("n/a") + " | " + throughput + " | "
                        + target + " |");
            }
        }
        line("");
    }

    private String cell(String benchmark, String param) {
        return results.get(benchmark, param)
                .map(s -> fmt(s.median()) + (Double.isNaN(s.p90()) ? "" : " [" + fmt(s.p90()) + "]") + " ("
                        + fmt(s.mean()) + " ± " + fmt(s.error()) + ")")
                .orElse("n/a");
    }

    private Optional<Double> ratio(String a, String pa, String b, String pb) {
        return results.get(a, pa).flatMap(x -> results.get(b, pb).map(y -> x.median() / y.median()));
    }

    private static String times(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r))
                .orElse("n/a");
    }

    private static String met(Optional<Double> ratio, java.util.function.DoublePredicate ok) {
        return ratio.map(r -> ok.test(r) ? "yes" : "**no**").orElse("n/a");
    }

    private static String triple(double[] p) {
        return fmt(p[0]) + " / " + fmt(p[1]) + " / " + fmt(p[2]);
    }

    private static String label(int bytes) {
        return bytes >= 1048576 ? bytes / 1048576 + " MiB" : bytes / 1024 + " KiB";
    }

    private static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.1f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
