package dev.replayharness.generic;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.replayharness.junit.HttpClientWiring;
import dev.replayharness.setups.Setup;

/**
 * A generic-provider setup: {@code endpoint=loopback} starts {@link LocalChatServer}; {@code endpoint=url}
 * uses {@code base-url} and the key in the environment variable {@code api-key-env} (a real Ollama,
 * vLLM or OpenAI). Resolved as a test parameter, one per run.
 */
public final class GenericSetup implements AutoCloseable, ParameterResolver {
    static final String DEFAULT_NAME = "generic-openai-loopback";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GenericSetup.class);

    private final Setup setup;
    private LocalChatServer server;

    /** For JUnit ({@code @ExtendWith}); the resolved setups are other instances. */
    public GenericSetup() {
        this.setup = null;
    }

    private GenericSetup(Setup setup) {
        this.setup = setup;
        setup.require("endpoint", List.of("loopback", "url"));
        setup.require("text-model");
    }

    String textModel() {
        return setup.require("text-model");
    }

    /** A provider whose HTTP goes through the current test's recordings. */
    synchronized GenericChatProvider provider(HttpClientWiring wiring) {
        URI base;
        String key = null;
        if (setup.require("endpoint").equals("loopback")) {
            if (server == null) {
                server = LocalChatServer.start();
            }
            base = server.baseUri();
        } else {
            base = URI.create(setup.require("base-url"));
            key = setup.optional("api-key-env").map(System::getenv).orElse(null);
        }
        return new GenericChatProvider(
                new GenericProviderConfig(base, key, List.of(), null), wiring.wrap(HttpClient.newHttpClient()));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GenericSetup.class;
    }

    @Override
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 6's computeIfAbsent is missing from 5.12
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Setup resolved = Setup.resolve(context, DEFAULT_NAME);
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("setup:" + resolved.name(), k -> new GenericSetup(resolved), GenericSetup.class);
    }
}
