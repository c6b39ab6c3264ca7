package dev.replayharness.awssdk.recorded;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.replayharness.setups.Setup;

/** Resolves a {@link NativeSetup} parameter: one per run, in the root context, closed by JUnit at the end. */
public final class NativeSetupExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NativeSetupExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NativeSetup.class;
    }

    @Override
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 6's computeIfAbsent is missing from 5.12
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Setup setup = Setup.resolve(context, NativeSetup.DEFAULT_NAME);
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("setup:" + setup.name(), key -> new NativeSetup(setup), NativeSetup.class);
    }
}
