package dev.replayharness.junit.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the run report a {@link FixtureRun} wrote. */
public final class Report {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Report() {}

    public static JsonNode read(Path workspace) {
        return MAPPER.readTree(FixtureRun.report(workspace).toFile());
    }

    /** The test ids in the report, in its order. */
    public static List<String> testIds(Path workspace) {
        List<String> ids = new ArrayList<>();
        read(workspace).get("tests").forEach(t -> ids.add(t.get("testId").asString()));
        return ids;
    }
}
