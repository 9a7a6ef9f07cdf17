package io.monago.atrium.gateway.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQLite store's schema, built by numbered migrations. {@code PRAGMA user_version} holds the
 * number of the last one applied; each runs once, in its own transaction, so a store written by an
 * older gateway is brought up to date on open and a half-applied migration never remains.
 */
final class SqliteSchema {

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // 1: the records. Stores made before migrations existed already hold this table.
            List.of(
                    "CREATE TABLE IF NOT EXISTS audit_records ("
                            + "seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + "audit_id TEXT NOT NULL UNIQUE,"
                            + "ts TEXT NOT NULL,"
                            + "workspace TEXT NOT NULL,"
                            + "key_id TEXT,"
                            + "decision TEXT NOT NULL,"
                            + "status INTEGER NOT NULL,"
                            + "record TEXT NOT NULL,"
                            + "prev_hash TEXT NOT NULL,"
                            + "hash TEXT NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS audit_records_ws_ts ON audit_records(workspace, ts)"),
            // 2: the chain's own facts (algorithm, retention cut) and its checkpoints.
            List.of(
                    "CREATE TABLE audit_chain ("
                            + "id INTEGER PRIMARY KEY CHECK (id = 1),"
                            + "keyed INTEGER NOT NULL,"
                            + "key_check TEXT,"
                            + "base_records INTEGER NOT NULL,"
                            + "base_hash TEXT NOT NULL)",
                    "CREATE TABLE audit_checkpoints ("
                            + "records INTEGER PRIMARY KEY,"
                            + "head_audit_id TEXT NOT NULL,"
                            + "head_hash TEXT NOT NULL,"
                            + "created_at TEXT NOT NULL,"
                            + "signature TEXT)"),
            // 3: columns and indexes for search, filled from the records already stored.
            List.of(
                    "ALTER TABLE audit_records ADD COLUMN user_id TEXT",
                    "ALTER TABLE audit_records ADD COLUMN session_id TEXT",
                    "ALTER TABLE audit_records ADD COLUMN model TEXT",
                    "ALTER TABLE audit_records ADD COLUMN at_ms INTEGER",
                    // ts is ISO-8601 UTC with 0, 3, 6 or 9 fraction digits: seconds, then milliseconds.
                    "UPDATE audit_records SET user_id = json_extract(record, '$.user'),"
                            + " session_id = json_extract(record, '$.session_id'),"
                            + " model = json_extract(record, '$.model'),"
                            + " at_ms = CAST(strftime('%s', substr(ts, 1, 19)) AS INTEGER) * 1000"
                            + " + CAST(substr(ts || '.000', 21, 3) AS INTEGER)",
                    "CREATE INDEX audit_records_at ON audit_records(workspace, at_ms)",
                    "CREATE INDEX audit_records_ws_seq ON audit_records(workspace, seq)",
                    "CREATE INDEX audit_records_key_seq ON audit_records(workspace, key_id, seq)",
                    "CREATE INDEX audit_records_user_seq ON audit_records(workspace, user_id, seq)",
                    "CREATE INDEX audit_records_session_seq ON audit_records(workspace, session_id, seq)"),
            // 4: the redacted prompts and answers of workspaces that opt in, apart from the records so
            // that the records (and their indexes) stay small.
            List.of("CREATE TABLE audit_content ("
                    + "audit_id TEXT PRIMARY KEY,"
                    + "request_json TEXT NOT NULL,"
                    + "response_text TEXT)"),
            // 5: fewer pages per commit. Every index is a page written to the WAL by every commit; the
            // (workspace, ts) index serves no query since search reads at_ms, and most calls name no
            // user or session, so those indexes hold only the records that do.
            List.of(
                    "DROP INDEX IF EXISTS audit_records_ws_ts",
                    "DROP INDEX audit_records_user_seq",
                    "DROP INDEX audit_records_session_seq",
                    "CREATE INDEX audit_records_user_seq ON audit_records(workspace, user_id, seq)"
                            + " WHERE user_id IS NOT NULL",
                    "CREATE INDEX audit_records_session_seq ON audit_records(workspace, session_id, seq)"
                            + " WHERE session_id IS NOT NULL"));

    /** The version from which records have their search columns. */
    static final int SEARCH_COLUMNS = 3;

    private SqliteSchema() {}

    /** {@return the version a fully migrated store has} */
    static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * Applies the migrations the store has not had yet.
     *
     * @param c a connection in auto-commit mode
     * @throws SQLException when a migration fails (it is rolled back)
     */
    static void migrate(Connection c) throws SQLException {
        int version = version(c);
        if (version > latest()) {
            throw new SQLException("the audit store has schema version " + version + ", newer than this gateway's "
                    + latest() + ": run a newer gateway");
        }
        for (int v = version; v < latest(); v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
