package dev.replayharness.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the stack-server table of RESULTS.md from the JMH JSON files of {@code benchmarks/run-server.sh}
 * (one per concurrency level): requests/s (clients / mean latency, as each client sends its next
 * request when the last ends), median and p99 latency, non-streaming and streaming. It needs sample mode (the
 * benchmark's own), in milliseconds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.replayharness.benchmarks.report.ServerReport server-t1.json server-t16.json …</pre>
 */
public final class ServerReport {
    private ServerReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ServerReport server-t1.json [server-t16.json …]");
            System.exit(2);
        }
        List<JmhResults> runs = new ArrayList<>();
        for (String file : args) {
            runs.add(JmhResults.read(Path.of(file)));
        }
        System.out.print(render(runs));
    }

    static String render(List<JmhResults> runs) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| concurrent clients | non-streaming req/s | median ms | p99 ms | streaming req/s | median ms | p99 ms |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JmhResults run : runs) {
            Optional<JmhResults.Score> plain = run.get("StackServerBenchmark.nonStreaming", "");
            Optional<JmhResults.Score> streaming = run.get("StackServerBenchmark.streaming", "");
            int clients =
                    plain.or(() -> streaming).map(JmhResults.Score::threads).orElse(0);
            out.append("| ")
                    .append(clients)
                    .append(" | ")
                    .append(cells(plain))
                    .append(" | ")
                    .append(cells(streaming))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String cells(Optional<JmhResults.Score> score) {
        if (score.isPresent() && Double.isNaN(score.get().p99())) {
            return "n/a (not sample mode) | | ";
        }
        return score.map(s -> String.format(
                        Locale.ROOT, "%,.0f | %.2f | %.2f", s.threads() * 1000 / s.mean(), s.median(), s.p99()))
                .orElse("n/a | n/a | n/a");
    }
}
