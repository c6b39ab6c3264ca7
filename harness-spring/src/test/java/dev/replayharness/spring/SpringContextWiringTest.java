package dev.replayharness.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.replayharness.bedrock.BedrockResponseNormalizer;
import dev.replayharness.core.Harness;
import dev.replayharness.core.HarnessSession;
import dev.replayharness.core.Mode;
import dev.replayharness.core.testing.ConnectionCountingServer;

/**
 * In a Spring application context, the harness is two test-scoped beans: the {@code RestClient.Builder} and
 * {@code WebClient.Builder} the application's own configuration builds its clients from. No Boot
 * auto-configuration is needed.
 */
@DisplayName("A Spring context whose builder beans are wired to the session")
class SpringContextWiringTest {
    private static final String PROMPT = "Which planet do humans live on?";

    @TempDir
    Path recordings;

    /** The test's configuration: the only place the harness appears. */
    @Configuration
    static class HarnessBuilders {
        @Bean
        RestClient.Builder restClientBuilder(HarnessSession session) {
            return HarnessRestClient.wire(RestClient.builder(), session);
        }

        @Bean
        WebClient.Builder webClientBuilder(HarnessSession session) {
            return HarnessWebClient.wire(WebClient.builder(), session);
        }
    }

    /** The application's configuration, unchanged by the test. */
    @Configuration
    static class Application {
        @Bean
        OpenAiChatModel chatModel(
                RestClient.Builder rest, WebClient.Builder web, @Qualifier("baseUrl") String baseUrl) {
            OpenAiApi api = OpenAiApi.builder()
                    .baseUrl(baseUrl)
                    .apiKey("key-from-the-environment")
                    .restClientBuilder(rest)
                    .webClientBuilder(web)
                    .build();
            return OpenAiChatModel.builder()
                    .openAiApi(api)
                    .defaultOptions(Upstream.options().build())
                    .build();
        }
    }

    private String ask(Mode mode, String baseUrl) {
        try (HarnessSession session = Harness.builder()
                        .recordingsDirectory(recordings)
                        .namespace("spring-context")
                        .mode(mode)
                        .responseNormalizer(BedrockResponseNormalizer.create())
                        .build()
                        .session("SpringContextWiringTest#ask");
                AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(HarnessSession.class, () -> session);
            context.registerBean("baseUrl", String.class, () -> baseUrl);
            context.register(HarnessBuilders.class, Application.class);
            context.refresh();
            return context.getBean(OpenAiChatModel.class).call(PROMPT);
        }
    }

    @Test
    @DisplayName("records against the emulator and replays with no upstream, through the application's own beans")
    void recordsAndReplays() throws Exception {
        String recorded;
        try (Upstream emulator = Upstream.emulator()) {
            recorded = ask(Mode.RECORD, emulator.baseUrl());
        }
        try (ConnectionCountingServer sentinel = new ConnectionCountingServer()) {
            assertThat(ask(Mode.REPLAY, sentinel.uri("/openai/v1").toString().replaceFirst("/v1$", "")))
                    .isEqualTo(recorded)
                    .contains("Earth");
            assertThat(sentinel.acceptedConnections()).isZero();
        }
    }
}
