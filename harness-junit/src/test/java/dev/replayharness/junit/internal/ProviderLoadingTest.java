package dev.replayharness.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.HarnessSession;
import dev.replayharness.junit.SessionParameter;

@DisplayName("SessionParameter providers on the classpath")
class ProviderLoadingTest {

    /** Stands for a provider whose library (here: the type it makes) is not on the classpath. */
    public static final class AbsentLibrary implements SessionParameter<Object> {
        @Override
        public Class<Object> type() {
            throw new NoClassDefFoundError("okhttp3/OkHttpClient");
        }

        @Override
        public Object create(HarnessSession session) {
            throw new AssertionError("never made");
        }
    }

    /** A provider with a bug in its constructor. */
    public static final class Broken implements SessionParameter<StringBuilder> {
        public Broken() {
            throw new IllegalStateException("no default configuration");
        }

        @Override
        public Class<StringBuilder> type() {
            return StringBuilder.class;
        }

        @Override
        public StringBuilder create(HarnessSession session) {
            return new StringBuilder();
        }
    }

    /** A provider whose static initialisation fails: its own bug, not an absent library. */
    public static final class BrokenStatic implements SessionParameter<StringBuffer> {
        private static final String SETTING = fail();

        private static String fail() {
            throw new IllegalStateException("no static setting");
        }

        @Override
        public Class<StringBuffer> type() {
            return StringBuffer.class;
        }

        @Override
        public StringBuffer create(HarnessSession session) {
            return new StringBuffer(SETTING);
        }
    }

    @Test
    @DisplayName("fail naming the provider when its static initialisation fails (it is not skipped as absent)")
    void brokenStaticInitialisationNamed(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = registering(dir, BrokenStatic.class)) {
            assertThatThrownBy(() -> InjectedClients.loadProviders(loader))
                    .isInstanceOf(ParameterResolutionException.class)
                    .hasMessageContaining(BrokenStatic.class.getName())
                    .hasMessageContaining("no static setting")
                    .hasMessageContaining("META-INF/services/" + SessionParameter.class.getName());
        }
    }

    @Test
    @DisplayName("are skipped when their library is absent")
    void absentLibrarySkipped(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = registering(dir, AbsentLibrary.class)) {
            assertThat(InjectedClients.loadProviders(loader))
                    .isNotEmpty() // the test classpath's own provider still loads
                    .allSatisfy((type, provider) -> assertThat(provider).isNotInstanceOf(AbsentLibrary.class));
        }
    }

    @Test
    @DisplayName("fail naming the provider, its error and the services file when they cannot be created")
    void brokenProviderNamed(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = registering(dir, Broken.class)) {
            assertThatThrownBy(() -> InjectedClients.loadProviders(loader))
                    .isInstanceOf(ParameterResolutionException.class)
                    .hasMessageContaining(Broken.class.getName())
                    .hasMessageContaining("no default configuration")
                    .hasMessageContaining("META-INF/services/" + SessionParameter.class.getName());
        }
    }

    private static URLClassLoader registering(Path dir, Class<?> provider) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SessionParameter.class.getName()), provider.getName() + "\n");
        URL root = dir.toUri().toURL();
        return new URLClassLoader(new URL[] {root}, ProviderLoadingTest.class.getClassLoader());
    }
}
