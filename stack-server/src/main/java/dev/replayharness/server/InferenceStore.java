package dev.replayharness.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The stack's inference store: every chat completion the server answered, in an SQLite table
 * (Llama Stack's {@code storage.stores.inference}, by default table {@code inference_store} in
 * {@code ${SQLITE_STORE_DIR:=./.llama}/sql_store.db}).
 *
 * <p>Each completion is written in its own transaction once it is complete, so a reader never sees
 * half of one, and a crash loses none that was acknowledged (WAL journal, {@code synchronous=NORMAL}:
 * safe against a crash of the server; a power cut may lose the last commits). Completions are unique
 * by id: storing an id again replaces the row (replayed recordings repeat their ids). Thread-safe:
 * one connection, one writer or reader at a time.
 */
public final class InferenceStore implements AutoCloseable {

    /** The table name when the configuration names none. */
    public static final String DEFAULT_TABLE = "inference_store";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final List<String> COLUMNS = List.of("id", "created", "model", "choices", "usage", "input_messages");

    private final Path file;
    private final String table;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private InferenceStore(Path file, String table, Connection connection) {
        this.file = file;
        this.table = table;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store in {@code file}, table {@code table}.
     *
     * @throws StackServerException naming the file and the fix when it cannot be opened, or when the
     *     table exists with columns this store does not know
     */
    public static InferenceStore open(Path file, String table) {
        Objects.requireNonNull(file, "file");
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new StackServerException("The inference store's table name '" + table + "' (storage.stores.inference"
                    + ".table_name) is not a plain SQL identifier; use letters, digits and underscores, e.g. "
                    + DEFAULT_TABLE + ".");
        }
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StackServerException(
                    "Cannot create the folder of the inference store " + absolute + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Set SQLITE_STORE_DIR to a writable folder"
                            + " or change storage.backends.<backend>.db_path.",
                    e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new StackServerException(
                    "Cannot open the inference store " + absolute + " (" + e.getMessage()
                            + "). Check that it is an SQLite database and writable, or point SQLITE_STORE_DIR elsewhere.",
                    e);
        }
        InferenceStore store = new InferenceStore(absolute, table, connection);
        try {
            store.prepare();
        } catch (SQLException | RuntimeException e) {
            store.close();
            if (e instanceof StackServerException known) {
                throw known;
            }
            throw new StackServerException(
                    "Cannot use the inference store " + absolute + " (" + e.getMessage()
                            + "). Check that it is an SQLite database and writable, or point SQLITE_STORE_DIR elsewhere.",
                    e);
        }
        return store;
    }

    private void prepare() throws SQLException {
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

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The table. */
    public String table() {
        return table;
    }

    /**
     * Stores a completion in one transaction, replacing a stored one with the same id.
     *
     * @throws StackServerException if the write fails; nothing of it is stored then
     */
    public void save(StoredCompletion completion) {
        withConnection(
                () -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO " + table
                            + " (id, created, model, choices, usage, input_messages) VALUES (?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, completion.id());
                        insert.setLong(2, completion.created());
                        insert.setString(3, completion.model());
                        insert.setString(4, completion.choicesJson());
                        insert.setString(5, completion.usageJson());
                        insert.setString(6, completion.inputMessagesJson());
                        insert.executeUpdate();
                    }
                    return null;
                },
                "store completion " + completion.id());
    }

    /** The completion with this id. */
    public Optional<StoredCompletion> get(String id) {
        return withConnection(
                () -> {
                    try (PreparedStatement query =
                            connection.prepareStatement("SELECT id, created, model, choices, usage,"
                                    + " input_messages FROM " + table + " WHERE id = ?")) {
                        query.setString(1, id);
                        try (ResultSet rows = query.executeQuery()) {
                            return rows.next() ? Optional.of(row(rows)) : Optional.<StoredCompletion>empty();
                        }
                    }
                },
                "read completion " + id);
    }

    /**
     * A page of stored completions, newest first ({@code descending}) or oldest first, by
     * {@code created} and then by the order they were stored.
     *
     * @param after the id of the last completion of the previous page, or null for the first page
     * @param limit at most this many (1 or more)
     * @param model only completions of this model, or null for all
     * @param descending newest first
     * @return up to {@code limit} completions, and whether more follow
     * @throws IllegalArgumentException if {@code after} names no stored completion
     */
    public Page list(String after, int limit, String model, boolean descending) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return withConnection(
                () -> {
                    String direction = descending ? "DESC" : "ASC";
                    String comparison = descending ? "<" : ">";
                    StringBuilder sql = new StringBuilder(
                                    "SELECT id, created, model, choices, usage, input_messages FROM ")
                            .append(table)
                            .append(" WHERE 1 = 1");
                    List<Object> args = new ArrayList<>();
                    if (model != null) {
                        sql.append(" AND model = ?");
                        args.add(model);
                    }
                    if (after != null) {
                        long[] cursor = cursor(after);
                        sql.append(" AND (created ")
                                .append(comparison)
                                .append(" ? OR (created = ? AND rowid ")
                                .append(comparison)
                                .append(" ?))");
                        args.add(cursor[0]);
                        args.add(cursor[0]);
                        args.add(cursor[1]);
                    }
                    sql.append(" ORDER BY created ")
                            .append(direction)
                            .append(", rowid ")
                            .append(direction)
                            .append(" LIMIT ?");
                    args.add(limit + 1);
                    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                        for (int i = 0; i < args.size(); i++) {
                            query.setObject(i + 1, args.get(i));
                        }
                        List<StoredCompletion> found = new ArrayList<>();
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                found.add(row(rows));
                            }
                        }
                        boolean more = found.size() > limit;
                        return new Page(more ? List.copyOf(found.subList(0, limit)) : List.copyOf(found), more);
                    }
                },
                "list completions");
    }

    /** How many completions are stored. */
    public int count() {
        return withConnection(
                () -> {
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rows.next();
                        return rows.getInt(1);
                    }
                },
                "count completions");
    }

    private long[] cursor(String after) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT created, rowid FROM " + table + " WHERE id = ?")) {
            query.setString(1, after);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no stored completion has id '" + after + "'");
                }
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    private static StoredCompletion row(ResultSet rows) throws SQLException {
        return new StoredCompletion(
                rows.getString(1),
                rows.getLong(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6));
    }

    /** A page of {@link #list} results. */
    public record Page(List<StoredCompletion> data, boolean hasMore) {}

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T withConnection(SqlWork<T> work, String what) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the inference store " + file + " is closed; cannot " + what);
            }
            return work.run();
        } catch (SQLException e) {
            throw new StackServerException(
                    "Cannot " + what + " in the inference store " + file + " (" + e.getMessage()
                            + "). Check the disk and the file's permissions.",
                    e);
        } finally {
            lock.unlock();
        }
    }

    /** Checkpoints the journal into the database file and closes it. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) {
                // closing below still persists every committed transaction
            }
            connection.close();
        } catch (SQLException e) {
            throw new StackServerException(
                    "Closing the inference store " + file + " failed (" + e.getMessage() + ").", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "InferenceStore[" + file + ", table " + table + "]";
    }
}
