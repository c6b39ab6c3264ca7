package dev.replayharness.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One markdown table of two runs of the same JMH selection (benchmarks/compare.sh): every benchmark and
 * parameter set either side ran, old and new, new / old, and a flag on anything worse by more than the
 * threshold (10 % unless given). Medians in sample mode, else means. Derived rows: the record-mode first
 * chunk (p50 from the {@code FIRST-CHUNK} log lines, and what record mode adds) and the JUnit extension's
 * cost per test. A benchmark only one side has shows "—" on the other.
 *
 * <pre>java -cp benchmarks.jar dev.replayharness.benchmarks.report.CompareReport OLD_DIR NEW_DIR [THRESHOLD]</pre>
 *
 * where each directory holds that side's JMH result files ({@code *.json}) and logs ({@code *.log}).
 */
public final class CompareReport {
    private record Row(String benchmark, String params, String unit, boolean higherIsBetter) {}

    private final Map<Row, double[]> rows = new LinkedHashMap<>();
    private final double threshold;

    private CompareReport(double threshold) {
        this.threshold = threshold;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CompareReport OLD_DIR NEW_DIR [THRESHOLD, default 0.10]");
            System.exit(2);
        }
        System.out.print(of(Path.of(args[0]), Path.of(args[1]), args.length > 2 ? Double.parseDouble(args[2]) : 0.10));
    }

    /** The table of the results in {@code oldDirectory} against those in {@code newDirectory}. */
    static String of(Path oldDirectory, Path newDirectory, double threshold) throws IOException {
        CompareReport report = new CompareReport(threshold);
        report.side(oldDirectory, 0);
        report.side(newDirectory, 1);
        return report.render();
    }

    private void side(Path directory, int side) throws IOException {
        JmhResults results = JmhResults.read(files(directory, ".json"));
        results.all().forEach((key, score) -> {
            int bar = key.indexOf('|');
            put(
                    new Row(
                            key.substring(0, bar),
                            key.substring(bar + 1),
                            score.unit(),
                            score.mode().equals("thrpt")),
                    side,
                    score.median());
        });
        for (Path log : files(directory, ".log")) {
            FirstChunkLog.read(log)
                    .forEach((name, delays) -> put(
                            new Row("FirstChunkBenchmark." + name + " first chunk p50", "", "us", false),
                            side,
                            delays.sent()[0]));
        }
        derived(side);
    }

    /** What record mode adds to the first chunk, and the JUnit extension's cost per test. */
    private void derived(int side) {
        for (String client : List.of("Jdk", "Apache")) {
            double bare =
                    value(new Row("FirstChunkBenchmark.bare" + client + " first chunk p50", "", "us", false), side);
            double record =
                    value(new Row("FirstChunkBenchmark.record" + client + " first chunk p50", "", "us", false), side);
            if (!Double.isNaN(bare) && !Double.isNaN(record)) {
                put(
                        new Row(
                                "first chunk p50 added by record mode (" + client.toLowerCase(Locale.ROOT) + ")",
                                "",
                                "us",
                                false),
                        side,
                        record - bare);
            }
        }
        List<Row> junit = new ArrayList<>(rows.keySet())
                .stream()
                        .filter(r -> r.benchmark().equals("JunitExtensionBenchmark.plain"))
                        .toList();
        for (Row plain : junit) {
            int tests = Integer.parseInt(plain.params());
            for (String variant : List.of("recordedSession", "recordedIdle", "recordedReplay")) {
                double with =
                        value(new Row("JunitExtensionBenchmark." + variant, plain.params(), plain.unit(), false), side);
                double without = value(plain, side);
                if (!Double.isNaN(with) && !Double.isNaN(without)) {
                    double perTestMicros =
                            (with - without) / tests * (plain.unit().startsWith("ms") ? 1000 : 1);
                    put(
                            new Row(
                                    "JUnit extension per @Recorded test (" + variant + " - plain) / tests",
                                    plain.params(),
                                    "us",
                                    false),
                            side,
                            perTestMicros);
                }
            }
        }
    }

    private void put(Row row, int side, double value) {
        rows.computeIfAbsent(row, r -> new double[] {Double.NaN, Double.NaN})[side] = value;
    }

    private double value(Row row, int side) {
        double[] values = rows.get(row);
        return values == null ? Double.NaN : values[side];
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | params | unit | old | new | new / old | |\n");
        out.append("|---|---|---|---:|---:|---:|---|\n");
        int worse = 0;
        List<Map.Entry<Row, double[]>> ordered = new ArrayList<>(rows.entrySet());
        ordered.sort(java.util.Comparator.comparingInt(e -> rank(e.getKey().benchmark()))); // stable: run order within
        for (Map.Entry<Row, double[]> e : ordered) {
            Row row = e.getKey();
            double old = e.getValue()[0];
            double now = e.getValue()[1];
            String ratio = "";
            String flag = "";
            if (!Double.isNaN(old) && !Double.isNaN(now) && old != 0) {
                double r = now / old;
                ratio = String.format(Locale.ROOT, "%.2f×", r);
                double change = row.higherIsBetter() ? 1 / r - 1 : r - 1;
                boolean difference = row.benchmark().contains(" added by ")
                        || row.benchmark().startsWith("JUnit extension");
                if (change > threshold && !(difference && Math.abs(now - old) < 1)) {
                    flag = String.format(Locale.ROOT, "**worse by %.0f %%**", change * 100);
                    worse++;
                }
            }
            out.append("| ")
                    .append(row.benchmark())
                    .append(" | ")
                    .append(row.params())
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(number(old))
                    .append(" | ")
                    .append(number(now))
                    .append(" | ")
                    .append(ratio)
                    .append(" | ")
                    .append(flag)
                    .append(" |\n");
        }
        out.append('\n')
                .append(worse == 0 ? "Nothing worse by more than " : worse + " worse by more than ")
                .append(Math.round(threshold * 100))
                .append(" %. Medians in sample mode, else means;")
                .append(" \"—\": the benchmark is not in that side's jar (or did not run).\n");
        return out.toString();
    }

    /** The order: replay, record-mode first chunk, hashing, miss, JUnit; anything else last. */
    private static int rank(String benchmark) {
        List<String> order = List.of(
                "ReplayBenchmark.",
                "FirstChunkBenchmark.",
                "first chunk p50 added",
                "CanonicalHashBenchmark.",
                "MissBenchmark.",
                "JunitExtensionBenchmark.",
                "JUnit extension");
        for (int i = 0; i < order.size(); i++) {
            if (benchmark.startsWith(order.get(i))) {
                return i;
            }
        }
        return order.size();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(
                Locale.ROOT,
                magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f",
                value);
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
