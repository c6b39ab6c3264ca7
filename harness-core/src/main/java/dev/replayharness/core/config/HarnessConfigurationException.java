package dev.replayharness.core.config;

/**
 * The harness was set up wrongly: an invalid mode, a recordings directory that does not exist or
 * cannot be written. The message names the setting, the value and the fix.
 */
public class HarnessConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HarnessConfigurationException(String message) {
        super(message);
    }

    public HarnessConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
