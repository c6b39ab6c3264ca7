package dev.replayharness.junit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test id that keys test-scoped recordings: {@code <class binary name>#<method>[n]…}, one {@code [n]}
 * per template invocation (parameterized, repeated, class templates) in the unique id, outermost
 * first. Documented on {@code @Recorded}; changing it orphans every committed recording.
 */
public final class TestIds {
    // Unique id segments look like [type:value]; JUnit percent-encodes ']' and ':' inside values.
    private static final Pattern SEGMENT = Pattern.compile("\\[([^:\\]]+):([^\\]]*)\\]");
    private static final Pattern INVOCATION_INDEX = Pattern.compile("#(\\d+)");

    private TestIds() {}

    public static String of(ExtensionContext context) {
        return context.getRequiredTestClass().getName() + "#"
                + context.getRequiredTestMethod().getName() + invocations(context.getUniqueId());
    }

    /** {@code [3]} for {@code …/[test-template-invocation:#3]}; empty when nothing was invoked as a template. */
    static String invocations(String uniqueId) {
        StringBuilder suffix = new StringBuilder();
        Matcher segment = SEGMENT.matcher(uniqueId);
        while (segment.find()) {
            Matcher index = INVOCATION_INDEX.matcher(segment.group(2));
            if (segment.group(1).endsWith("-invocation") && index.matches()) {
                suffix.append('[').append(index.group(1)).append(']');
            }
        }
        return suffix.toString();
    }
}
