package dev.replayharness.core.fault;

import dev.replayharness.core.config.HarnessConfigurationException;

/** A fault declaration that cannot work: its syntax, its values, or the exchange it met. Names the declaration. */
public class FaultDeclarationException extends HarnessConfigurationException {
    private static final long serialVersionUID = 1L;

    public FaultDeclarationException(String message) {
        super(message);
    }

    public FaultDeclarationException(String message, Throwable cause) {
        super(message, cause);
    }
}
