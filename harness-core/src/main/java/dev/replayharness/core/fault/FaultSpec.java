package dev.replayharness.core.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.replayharness.core.http.Headers;

/**
 * The declaration syntax shared by {@code @Fault} and the proxy's {@code X-Replay-Harness-Fault} header: one fault
 * kind and its options, then matchers, separated by {@code ;}, e.g.
 * {@code status=429;retry-after=2s;path=/openai/v1/chat/completions;nth=1}. See {@link #KINDS} and
 * {@link #MATCHERS}; a {@code body=} option takes the rest of the text, {@code ;} included, so it comes last.
 */
public final class FaultSpec {
    /** The fault kinds and their options. */
    public static final String KINDS = "status=<code> [retry-after=<duration>] [header=<name>:<value>] [body=<text>],"
            + " reset, refused, timeout [after=<duration>], cut-after-events=<n> [reset], cut-after-bytes=<n> [reset],"
            + " stall=<duration> [before-event=<n>], malformed-event=<n>, latency=<duration> [between-events=<duration>]";

    /** Which exchanges a fault applies to (each optional). */
    public static final String MATCHERS = "method=<method>, path=<path or prefix*>, body-at=<json pointer>=<value>,"
            + " recording=<file name>, nth=<n>|<first>-<last>|<first>-|all, probability=<0..1> [seed=<long>]";

    private static final List<String> KIND_NAMES = List.of(
            "status",
            "reset",
            "refused",
            "timeout",
            "cut-after-events",
            "cut-after-bytes",
            "stall",
            "malformed-event",
            "latency");

    private static final List<String> OPTION_NAMES = List.of(
            "retry-after",
            "header",
            "body",
            "after",
            "before-event",
            "between-events",
            "method",
            "path",
            "body-at",
            "recording",
            "nth",
            "probability",
            "seed");

    /** A parsed declaration. */
    public record Parsed(ExchangeMatcher matcher, Fault fault) {}

    private FaultSpec() {}

    /**
     * Parses {@code spec}.
     *
     * @param source where it was declared, named by the error
     * @throws FaultDeclarationException naming the declaration, the source and what is wrong
     */
    public static Parsed parse(String spec, String source) {
        try {
            return parse(tokens(spec));
        } catch (IllegalArgumentException e) {
            throw new FaultDeclarationException("Fault '" + spec + "' (" + source + "): " + e.getMessage()
                    + ". Fault kinds: " + KINDS + "; matchers: " + MATCHERS + ".");
        }
    }

    private static Map<String, String> tokens(String spec) {
        Map<String, String> tokens = new LinkedHashMap<>();
        String rest = spec == null ? "" : spec.trim();
        while (!rest.isEmpty()) {
            if (rest.startsWith("body=")) {
                tokens.put("body", rest.substring(5));
                break;
            }
            int end = rest.indexOf(';');
            String token = (end < 0 ? rest : rest.substring(0, end)).trim();
            rest = end < 0 ? "" : rest.substring(end + 1).trim();
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String name = (eq < 0 ? token : token.substring(0, eq)).trim();
            if (tokens.put(name, eq < 0 ? "" : token.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("'" + name + "' appears twice");
            }
        }
        return tokens;
    }

    private static Parsed parse(Map<String, String> t) {
        List<String> kinds = KIND_NAMES.stream().filter(t::containsKey).toList();
        if (kinds.size() > 1 && kinds.contains("reset") && kinds.stream().anyMatch(k -> k.startsWith("cut-after"))) {
            kinds = kinds.stream().filter(k -> !k.equals("reset")).toList(); // "reset" is then the cut's option
        }
        if (kinds.isEmpty()) {
            Optional<String> unknown =
                    t.keySet().stream().filter(k -> !OPTION_NAMES.contains(k)).findFirst();
            throw new IllegalArgumentException(
                    unknown.map(k -> "unknown fault kind '" + k + "'").orElse("it names no fault kind"));
        }
        if (kinds.size() > 1) {
            throw new IllegalArgumentException("it names two fault kinds, " + kinds + "; declare one fault each");
        }
        Options o = new Options(t);
        Fault fault = switch (kinds.get(0)) {
            case "status" -> status(o);
            case "reset" -> transport(o, Fault.TransportKind.RESET);
            case "refused" -> transport(o, Fault.TransportKind.REFUSED);
            case "timeout" -> transport(o, Fault.TransportKind.TIMEOUT);
            case "cut-after-events" -> new Fault.Cut(o.count("cut-after-events"), false, o.flag("reset"));
            case "cut-after-bytes" -> new Fault.Cut(o.count("cut-after-bytes"), true, o.flag("reset"));
            case "stall" -> new Fault.Stall(o.duration("stall", null), o.number("before-event", 1));
            case "malformed-event" -> new Fault.Malformed(o.count("malformed-event"));
            default -> new Fault.Latency(o.duration("latency", null), o.duration("between-events", Duration.ZERO));
        };
        ExchangeMatcher matcher = matcher(o);
        o.requireAllUsed();
        return new Parsed(matcher, fault);
    }

    private static Fault transport(Options o, Fault.TransportKind kind) {
        o.flag(kind.token());
        return new Fault.Transport(
                kind, kind == Fault.TransportKind.TIMEOUT ? o.duration("after", Duration.ZERO) : Duration.ZERO);
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed=" + value + " is not a whole number");
        }
    }

    private static Fault status(Options o) {
        Headers.Builder headers = Headers.builder();
        o.take("retry-after")
                .ifPresent(v -> headers.add(
                        "retry-after",
                        String.valueOf(Durations.parse(v, "retry-after").toSeconds())));
        o.take("header").ifPresent(h -> {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header=" + h + " is not <name>:<value>");
            }
            headers.add(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        });
        return new Fault.Status(o.count("status"), headers.build(), o.take("body"));
    }

    private static ExchangeMatcher matcher(Options o) {
        ExchangeMatcher m = ExchangeMatcher.any();
        m = o.take("method").map(m::method).orElse(m);
        m = o.take("path").map(m::path).orElse(m);
        Optional<String> body = o.take("body-at");
        if (body.isPresent()) {
            int eq = body.get().indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("body-at=" + body.get() + " is not <json pointer>=<value>");
            }
            m = m.body(body.get().substring(0, eq), body.get().substring(eq + 1));
        }
        m = o.take("recording").map(m::recordingFile).orElse(m);
        Optional<String> nth = o.take("nth");
        if (nth.isPresent() && !nth.get().equals("all")) {
            String[] range = nth.get().split("-", -1);
            int first = Options.integer("nth", range[0]);
            int last = range.length == 1
                    ? first
                    : range[1].isEmpty() ? Integer.MAX_VALUE : Options.integer("nth", range[1]);
            m = m.nth(first, last);
        }
        Optional<String> probability = o.take("probability");
        if (probability.isPresent()) {
            double p;
            try {
                p = Double.parseDouble(probability.get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("probability=" + probability.get() + " is not a number from 0 to 1");
            }
            long seed = o.take("seed")
                    .map(FaultSpec::seed)
                    .orElseGet(() -> ThreadLocalRandom.current().nextLong());
            m = m.probability(p, seed);
        }
        return m;
    }
}
