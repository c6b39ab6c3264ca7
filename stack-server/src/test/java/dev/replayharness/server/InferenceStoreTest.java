package dev.replayharness.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.replayharness.bedrock.StackConfig;

class InferenceStoreTest {

    @TempDir
    Path dir;

    private static StoredCompletion completion(String id) {
        return new StoredCompletion(
                id,
                1735689600L,
                "openai.gpt-oss-20b-1:0",
                "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]",
                "{\"total_tokens\":3}",
                "[{\"role\":\"user\",\"content\":\"Hello\"}]");
    }

    @Test
    void completionsSurviveClosingAndReopening() {
        Path db = dir.resolve("nested/folder/sql_store.db");
        try (InferenceStore store = InferenceStore.open(db, "inference_store")) {
            store.save(completion("a"));
            store.save(completion("b"));
        }
        try (InferenceStore store = InferenceStore.open(db, "inference_store")) {
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.get("b")).contains(completion("b"));
            assertThat(store.get("c")).isEmpty();
        }
    }

    /** The table as the first version of the server made it; tools needed no new column. */
    @Test
    void aStoreMadeByTheFirstVersionKeepsToolCallsAndContentPartsAsTheyWere() throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            connection
                    .createStatement()
                    .execute("CREATE TABLE inference_store (id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
                            + " model TEXT NOT NULL, choices TEXT NOT NULL, usage TEXT, input_messages TEXT NOT NULL)");
            connection
                    .createStatement()
                    .execute("INSERT INTO inference_store VALUES ('old', 0, 'm', '[]', NULL, '[]')");
        }
        StoredCompletion withTools = new StoredCompletion(
                "rec-38500ff506af",
                0L,
                "openai.gpt-oss-20b-1:0",
                "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                        + "\"chatcmpl-tool-1\",\"type\":\"function\",\"function\":{\"name\":\"get_boiling_point\","
                        + "\"arguments\":\"{\\\"liquid_name\\\":\\\"x\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]",
                "{\"prompt_tokens\":81,\"completion_tokens\":5,\"total_tokens\":86,\"prompt_tokens_details\":"
                        + "{\"audio_tokens\":0,\"cached_tokens\":64}}",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"},{\"type\":\"image_url\","
                        + "\"image_url\":{\"url\":\"https://example.com/a.jpg\"}}]},{\"role\":\"tool\",\"tool_call_id\":"
                        + "\"chatcmpl-tool-1\",\"content\":[{\"type\":\"text\",\"text\":\"-100\"}]}]");
        try (InferenceStore store = InferenceStore.open(db, "inference_store")) {
            store.save(withTools);
        }
        try (InferenceStore store = InferenceStore.open(db, "inference_store")) {
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.get("rec-38500ff506af")).contains(withTools);
        }
    }

    @Test
    void savingAnIdAgainReplacesItInsteadOfDuplicating() {
        try (InferenceStore store = InferenceStore.open(dir.resolve("s.db"), "inference_store")) {
            store.save(completion("a"));
            store.save(completion("a"));
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        try (InferenceStore store = InferenceStore.open(dir.resolve("s.db"), "inference_store")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    writes.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            store.save(completion("c-" + thread + "-" + i));
                            store.list(null, 5, null, true);
                        }
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.count()).isEqualTo(400);
        }
    }

    @Test
    void aTableOfAnotherProgramIsRefusedWithTheFix() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            connection.createStatement().execute("CREATE TABLE inference_store (id TEXT PRIMARY KEY, payload TEXT)");
            connection.createStatement().execute("INSERT INTO inference_store VALUES ('keep-me', 'x')");
        }
        assertThatThrownBy(() -> InferenceStore.open(db, "inference_store"))
                .isInstanceOf(StackServerException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("without [created, model, choices, usage, input_messages]")
                .hasMessageContaining("Point SQLITE_STORE_DIR at a new folder");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            var rows = connection.createStatement().executeQuery("SELECT id FROM inference_store");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1))
                    .as("the other program's data is untouched")
                    .isEqualTo("keep-me");
        }
    }

    @Test
    void aTableNameThatIsNotAnIdentifierIsRefused() {
        assertThatThrownBy(() -> InferenceStore.open(dir.resolve("s.db"), "x; DROP TABLE y"))
                .isInstanceOf(StackServerException.class)
                .hasMessageContaining("'x; DROP TABLE y'")
                .hasMessageContaining("storage.stores.inference.table_name");
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> InferenceStore.open(file.resolve("sub/sql_store.db"), "inference_store"))
                .isInstanceOf(StackServerException.class)
                .hasMessageContaining(file.resolve("sub").toString())
                .hasMessageContaining("Set SQLITE_STORE_DIR to a writable folder");
    }

    @Test
    void theStorePathComesFromTheStackConfigsInferenceBackend() {
        StackConfig config = TestStack.stackConfig(
                dir, URI.create("http://127.0.0.1:1/openai/v1"), Map.of("SQLITE_STORE_DIR", "/data/stack"));
        assertThat(StoreLocation.path(config, Map.of())).isEqualTo(Path.of("/data/stack/sql_store.db"));
        assertThat(StoreLocation.table(config)).isEqualTo("inference_store");
        StackConfig defaults = TestStack.stackConfig(dir, URI.create("http://127.0.0.1:1/openai/v1"), Map.of());
        assertThat(StoreLocation.path(defaults, Map.of())).isEqualTo(Path.of("./.llama/sql_store.db"));
    }

    @Test
    void aNonSqliteBackendIsRefusedNamingTheKey() throws Exception {
        StackConfig config = TestStack.stackConfig(dir, URI.create("http://127.0.0.1:1/openai/v1"), Map.of());
        Path yaml = config.source();
        Files.writeString(yaml, Files.readString(yaml).replace("type: sql_sqlite", "type: sql_postgres"));
        StackConfig postgres = StackConfig.load(yaml, name -> null);
        assertThatThrownBy(() -> StoreLocation.path(postgres, Map.of()))
                .isInstanceOf(StackServerException.class)
                .hasMessageContaining(yaml.toString())
                .hasMessageContaining("storage.backends.sql_default.type is 'sql_postgres'")
                .hasMessageContaining("use type: sql_sqlite");
    }
}
