package dev.replayharness.awssdk;

import java.util.HashMap;
import java.util.Map;

/**
 * AWS SDK system properties set for a block and restored after it: how a test configures the SDK the way an
 * application would (the SDK reads them when a client is built or a request is signed).
 */
final class SdkProperties implements AutoCloseable {
    private final Map<String, String> previous = new HashMap<>();

    private SdkProperties() {}

    static SdkProperties set(Map<String, String> properties) {
        SdkProperties set = new SdkProperties();
        properties.forEach((name, value) -> {
            set.previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        return set;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
