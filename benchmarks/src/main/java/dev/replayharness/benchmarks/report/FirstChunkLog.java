package dev.replayharness.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code FIRST-CHUNK} lines {@code FirstChunkSamples} printed into the JMH log. */
final class FirstChunkLog {
    private static final Pattern LINE = Pattern.compile(
            "FIRST-CHUNK (\\w+) n=(\\d+) sent->received\\(us\\) p50=([\\d.]+) p90=([\\d.]+) p99=([\\d.]+)"
                    + " \\| request->received\\(us\\) p50=([\\d.]+) p90=([\\d.]+) p99=([\\d.]+)");

    /**
     * One benchmark's samples, in microseconds.
     *
     * @param sent from the upstream writing its first chunk to the caller's first read returning
     * @param request from the caller sending the request to that read
     */
    record Delays(long n, double[] sent, double[] request) {}

    static Map<String, Delays> read(Path log) throws IOException {
        Map<String, Delays> delays = new LinkedHashMap<>();
        if (log == null || !Files.exists(log)) {
            return delays;
        }
        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                delays.put(
                        m.group(1),
                        new Delays(Long.parseLong(m.group(2)), new double[] {d(m, 3), d(m, 4), d(m, 5)}, new double[] {
                            d(m, 6), d(m, 7), d(m, 8)
                        }));
            }
        }
        return delays;
    }

    private static double d(Matcher m, int group) {
        return Double.parseDouble(m.group(group));
    }
}
