package dev.replayharness.server;

import java.nio.file.Path;
import java.util.Map;

import dev.replayharness.bedrock.StackConfig;

/** Where a stack configuration puts its inference store (Llama Stack's {@code storage} section). */
final class StoreLocation {

    private StoreLocation() {}

    /**
     * {@code storage.backends.<storage.stores.inference.backend>.db_path}; without a {@code storage}
     * section, {@code $SQLITE_STORE_DIR/sql_store.db} or {@code ./.llama/sql_store.db}.
     *
     * @throws StackServerException naming the key and the fix when the section is there but incomplete
     */
    static Path path(StackConfig stack, Map<String, String> environment) {
        Map<String, Object> storage = stack.storage();
        if (storage.isEmpty()) {
            String dir = environment.get("SQLITE_STORE_DIR");
            return Path.of(dir == null || dir.isEmpty() ? "./.llama" : dir, "sql_store.db");
        }
        Map<String, Object> inference = map(stack, storage.get("stores"), "storage.stores")
                .map(stores -> map(stack, stores.get("inference"), "storage.stores.inference")
                        .orElse(null))
                .orElse(null);
        String backendName = inference == null || inference.get("backend") == null
                ? "sql_default"
                : String.valueOf(inference.get("backend"));
        Map<String, Object> backend = map(stack, storage.get("backends"), "storage.backends")
                .flatMap(backends -> map(stack, backends.get(backendName), "storage.backends." + backendName))
                .orElseThrow(() -> fail(
                        stack,
                        "storage.backends." + backendName,
                        "is missing",
                        "add it with type: sql_sqlite and db_path: ${env.SQLITE_STORE_DIR:=./.llama}/sql_store.db"));
        Object type = backend.get("type");
        if (type != null && !"sql_sqlite".equals(type)) {
            throw fail(
                    stack,
                    "storage.backends." + backendName + ".type",
                    "is '" + type + "'; this server stores" + " completions only in SQLite",
                    "use type: sql_sqlite");
        }
        Object dbPath = backend.get("db_path");
        if (!(dbPath instanceof String text) || text.isBlank()) {
            throw fail(
                    stack,
                    "storage.backends." + backendName + ".db_path",
                    "is missing or empty",
                    "write db_path: ${env.SQLITE_STORE_DIR:=./.llama}/sql_store.db");
        }
        return Path.of(text);
    }

    /** {@code storage.stores.inference.table_name}, default {@value InferenceStore#DEFAULT_TABLE}. */
    static String table(StackConfig stack) {
        Object stores = stack.storage().get("stores");
        if (stores instanceof Map<?, ?> map
                && map.get("inference") instanceof Map<?, ?> inference
                && inference.get("table_name") != null) {
            return String.valueOf(inference.get("table_name"));
        }
        return InferenceStore.DEFAULT_TABLE;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> map(StackConfig stack, Object value, String key) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw fail(
                    stack,
                    key,
                    "is not a mapping",
                    "write it as a YAML mapping, as in bedrock-provider/bedrock-run.yaml");
        }
        return java.util.Optional.of((Map<String, Object>) value);
    }

    private static StackServerException fail(StackConfig stack, String key, String problem, String fix) {
        return new StackServerException(stack.source() + ": " + key + " " + problem + "; " + fix + ".");
    }
}
