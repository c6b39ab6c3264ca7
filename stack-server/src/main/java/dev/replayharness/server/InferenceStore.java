package dev.replayharness.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stack's inference store: every chat completion the server answered, in an SQLite table
 * (Llama Stack's {@code storage.stores.inference}, by default table {@code inference_store} in
 * {@code ${SQLITE_STORE_DIR:=./.llama}/sql_store.db}).
 *
 * <p>Each completion is written in its own transaction once it is complete, so a reader never sees
 * half of one, and a crash loses none that was acknowledged (WAL journal, {@code synchronous=NORMAL}:
 * safe against a crash of the server; a power cut may lose the last commits). Completions are unique
 * by id: storing an id again replaces the row (the server gives every completion it serves its own id,
 * see {@link StoredCompletion#id()}). Thread-safe:
 * one connection, one writer or reader at a time.
 */
public final class InferenceStore implements AutoCloseable {

    /** The table name when the configuration names none. */
    public static final String DEFAULT_TABLE = "inference_store";

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
        Objects.requireNonNull(table, "table");
        Path absolute = file.toAbsolutePath().normalize();
        return new InferenceStore(absolute, table, StoreSchema.open(absolute, table));
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
        return listByModels(after, limit, model == null ? null : List.of(model), descending);
    }

    /**
     * The same, with completions of any of {@code models} (one model's names: its stack id and its
     * provider's), or of every model when null.
     */
    public Page listByModels(String after, int limit, Collection<String> models, boolean descending) {
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
                    if (models != null) {
                        sql.append(" AND model IN (")
                                .append(String.join(", ", Collections.nCopies(Math.max(1, models.size()), "?")))
                                .append(')');
                        args.addAll(models.isEmpty() ? List.of("") : models);
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
