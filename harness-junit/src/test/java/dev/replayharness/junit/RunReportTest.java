package dev.replayharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.core.store.RecordingsFolder;
import dev.replayharness.junit.support.Calls;
import dev.replayharness.junit.support.Fixture;
import dev.replayharness.junit.support.FixtureRun;
import dev.replayharness.junit.support.Report;
import dev.replayharness.junit.support.Upstream;

import tools.jackson.databind.json.JsonMapper;

@DisplayName("At the end of the run")
class RunReportTest {
    static final String PREFIX = "dev.replayharness.junit.RunReportTest$";

    @TempDir
    Path workspace;

    @RegisterExtension
    final Upstream upstream = Upstream.perTest();

    @BeforeEach
    void reset() {
        ReportFixture.askSomethingNew = false;
    }

    FixtureRun run(String mode) {
        return FixtureRun.of(workspace, ReportFixture.class, OtherNamespaceFixture.class)
                .mode(mode);
    }

    /** Recording file (relative to the recordings root) by the test id written in it. */
    Map<String, List<String>> filesByTest() {
        Path recordings = FixtureRun.recordings(workspace);
        return FixtureRun.files(recordings).stream()
                .collect(Collectors.groupingBy(
                        f -> RecordingsFolder.read(recordings.resolve(f)).testId(), Collectors.toList()));
    }

    @Test
    @DisplayName("the report file lists every test id with the recordings it used, in a stable order")
    void reportFile() throws Exception {
        run("record").execute().testEvents().assertStatistics(s -> s.succeeded(4));
        Map<String, List<String>> files = filesByTest();
        ReportFixture.askSomethingNew = true;

        run("replay")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(3).failed(1));

        String expected = """
                {"formatVersion": 1, "recordingsDirectory": "%s", "tests": [
                  {"testId": "%sOtherNamespaceFixture#asks", "namespace": "other", "mode": "replay", "recordings": [
                    {"outcome": "REPLAYED", "method": "POST", "path": "/v1/chat", "file": "%s"}]},
                  {"testId": "%sReportFixture#asks", "namespace": "report", "mode": "replay", "recordings": [
                    {"outcome": "MISSED", "method": "POST", "path": "/v1/chat", "file": null},
                    {"outcome": "REPLAYED", "method": "POST", "path": "/v1/chat", "file": "%s"}]},
                  {"testId": "%sReportFixture#asksTwice", "namespace": "report", "mode": "replay", "recordings": [
                    {"outcome": "REPLAYED", "method": "POST", "path": "/v1/chat", "file": "%s"},
                    {"outcome": "REPLAYED", "method": "POST", "path": "/v1/chat", "file": "%s"}]},
                  {"testId": "%sReportFixture#quiet", "namespace": "report", "mode": "replay", "recordings": []}]}
                """.formatted(
                        FixtureRun.recordings(workspace).toAbsolutePath().normalize(),
                        PREFIX,
                        files.get(PREFIX + "OtherNamespaceFixture#asks").get(0),
                        PREFIX,
                        files.get(PREFIX + "ReportFixture#asks").get(0),
                        PREFIX,
                        files.get(PREFIX + "ReportFixture#asksTwice").get(0),
                        files.get(PREFIX + "ReportFixture#asksTwice").get(1),
                        PREFIX);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(Report.read(workspace)).isEqualTo(json.readTree(expected));
        assertThat(Files.readString(FixtureRun.report(workspace))).endsWith("}\n");
    }

    @Test
    @DisplayName("one summary line per namespace is printed")
    void summary() {
        run("record").execute();
        ReportFixture.askSomethingNew = true;

        List<String> printed = stdout(() -> run("replay").execute());

        assertThat(printed.stream().filter(l -> l.startsWith("Replay Harness [")))
                .containsExactly(
                        "Replay Harness [other]: 1 replayed, 0 recorded, 0 missed, 0 live in 1 test",
                        "Replay Harness [report]: 3 replayed, 0 recorded, 1 missed, 0 live in 3 tests");
    }

    /** Fixture runs are sequential here, so swapping System.out catches exactly this run's lines. */
    static List<String> stdout(Supplier<?> run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.get();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Fixture
    @Recorded(namespace = "report")
    static class ReportFixture {
        static volatile boolean askSomethingNew;

        @Test
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
            if (askSomethingNew) {
                Calls.ask(http, "something new");
            }
        }

        @Test
        void asksTwice(HttpClient http) throws Exception {
            Calls.ask(http, "one");
            Calls.ask(http, "two");
        }

        @Test
        void quiet() {}
    }

    @Fixture
    @Recorded(namespace = "other")
    static class OtherNamespaceFixture {
        @Test
        void asks(HttpClient http) throws Exception {
            Calls.ask(http, "Hi");
        }
    }
}
