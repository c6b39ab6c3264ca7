package dev.replayharness.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opening an {@link InferenceStore}'s file: its folder, the SQLite connection and its settings, the
 * table created or checked to be one this store can use. Everything that can be wrong with the file
 * before the first completion is stored, with the fix named; {@link InferenceStore} only reads and writes rows.
 */
final class StoreSchema {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final List<String> COLUMNS = List.of("id", "created", "model", "choices", "usage", "input_messages");

    private StoreSchema() {}

    /**
     * A connection to {@code file} (absolute) whose table {@code table} exists with every column.
     *
     * @throws StackServerException naming the file or the table and the fix
     */
    static Connection open(Path file, String table) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new StackServerException("The inference store's table name '" + table + "' (storage.stores.inference"
                    + ".table_name) is not a plain SQL identifier; use letters, digits and underscores, e.g. "
                    + InferenceStore.DEFAULT_TABLE + ".");
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StackServerException(
                    "Cannot create the folder of the inference store " + file + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Set SQLITE_STORE_DIR to a writable folder"
                            + " or change storage.backends.<backend>.db_path.",
                    e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new StackServerException(
                    "Cannot open the inference store " + file + " (" + e.getMessage()
                            + "). Check that it is an SQLite database and writable, or point SQLITE_STORE_DIR elsewhere.",
                    e);
        }
        try {
            prepare(connection, file, table);
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure below is the one to report
            }
            if (e instanceof StackServerException known) {
                throw known;
            }
            throw new StackServerException(
                    "Cannot use the inference store " + file + " (" + e.getMessage()
                            + "). Check that it is an SQLite database and writable, or point SQLITE_STORE_DIR elsewhere.",
                    e);
        }
    }

    private static void prepare(Connection connection, Path file, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA busy_timeout=10000");
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id TEXT PRIMARY KEY, created INTEGER NOT NULL,"
                    + " model TEXT NOT NULL, choices TEXT NOT NULL, usage TEXT, input_messages TEXT NOT NULL)");
        }
        Set<String> present = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (columns.next()) {
                present.add(columns.getString("name"));
            }
        }
        List<String> missing =
                COLUMNS.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new StackServerException("The inference store " + file + " has a table '" + table + "' with columns "
                    + present + ", without " + missing + ": it was made by another program or version. Point"
                    + " SQLITE_STORE_DIR at a new folder, or rename storage.stores.inference.table_name.");
        }
    }
}
