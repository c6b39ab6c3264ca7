package dev.replayharness.bedrock.recorded;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.replayharness.setups.Setup;

/**
 * Resolves a {@link BedrockSetup} parameter: one per run (stored in the root context, so the emulator
 * of the emulator setup starts once and is stopped by JUnit at the end).
 */
public final class BedrockSetupExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BedrockSetupExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BedrockSetup.class;
    }

    @Override
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 6's computeIfAbsent is missing from 5.12
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Setup setup = Setup.resolve(context, BedrockSetup.DEFAULT_NAME);
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("setup:" + setup.name(), key -> new BedrockSetup(setup), BedrockSetup.class);
    }
}
