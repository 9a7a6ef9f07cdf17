package io.monago.atrium.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL store's schema, built by numbered migrations. {@code audit_schema_version} holds a
 * row for each migration applied; each runs once, in its own transaction with its row. Gateways
 * starting together take a session advisory lock first, so one applies the migrations and the others
 * find them done.
 */
final class PostgresSchema {

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // 1: records, the chain's facts and head, checkpoints.
            List.of(
                    // seq is the record's place in the chain (1, 2, 3...), given by the writer that holds
                    // the chain's head row, so it has no gaps: a gap is a deleted record. record is text,
                    // not jsonb: the exact bytes that were hashed must come back.
                    "CREATE TABLE audit_records ("
                            + "seq BIGINT PRIMARY KEY,"
                            + "audit_id TEXT NOT NULL UNIQUE,"
                            + "ts TEXT NOT NULL,"
                            + "workspace TEXT NOT NULL,"
                            + "key_id TEXT,"
                            + "decision TEXT NOT NULL,"
                            + "status INTEGER NOT NULL,"
                            + "record TEXT NOT NULL,"
                            + "prev_hash TEXT NOT NULL,"
                            + "hash TEXT NOT NULL,"
                            + "user_id TEXT,"
                            + "session_id TEXT,"
                            + "model TEXT,"
                            + "at_ms BIGINT NOT NULL)",
                    "CREATE INDEX audit_records_at ON audit_records(workspace, at_ms)",
                    "CREATE INDEX audit_records_ws_seq ON audit_records(workspace, seq)",
                    "CREATE INDEX audit_records_key_seq ON audit_records(workspace, key_id, seq)",
                    "CREATE INDEX audit_records_user_seq ON audit_records(workspace, user_id, seq)",
                    "CREATE INDEX audit_records_session_seq ON audit_records(workspace, session_id, seq)",
                    // One row: the algorithm, the retention cut (base) and the head every appending
                    // gateway locks, which serialises appends into one chain.
                    "CREATE TABLE audit_chain ("
                            + "id INTEGER PRIMARY KEY CHECK (id = 1),"
                            + "keyed BOOLEAN NOT NULL,"
                            + "key_check TEXT,"
                            + "base_records BIGINT NOT NULL,"
                            + "base_hash TEXT NOT NULL,"
                            + "head_seq BIGINT NOT NULL,"
                            + "head_audit_id TEXT,"
                            + "head_hash TEXT NOT NULL,"
                            + "checkpointed BIGINT NOT NULL)",
                    "CREATE TABLE audit_checkpoints ("
                            + "records BIGINT PRIMARY KEY,"
                            + "head_audit_id TEXT NOT NULL,"
                            + "head_hash TEXT NOT NULL,"
                            + "created_at TEXT NOT NULL,"
                            + "signature TEXT)"),
            // 2: the redacted prompts and answers of workspaces that opt in, apart from the records so
            // that the records (and their indexes) stay small. Removed with their record by retention.
            List.of("CREATE TABLE audit_content ("
                    + "audit_id TEXT PRIMARY KEY,"
                    + "request_json TEXT NOT NULL,"
                    + "response_text TEXT)"),
            // 3: most calls name no user or session, so those indexes hold only the records that do
            // (an index entry fewer to write per call for each).
            List.of(
                    "DROP INDEX audit_records_user_seq",
                    "DROP INDEX audit_records_session_seq",
                    "CREATE INDEX audit_records_user_seq ON audit_records(workspace, user_id, seq)"
                            + " WHERE user_id IS NOT NULL",
                    "CREATE INDEX audit_records_session_seq ON audit_records(workspace, session_id, seq)"
                            + " WHERE session_id IS NOT NULL"));

    private PostgresSchema() {}

    /** {@return the version a fully migrated store has} */
    static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * Creates the schema if needed and applies the migrations it has not had yet.
     *
     * @param c a connection in auto-commit mode, working in the target's schema
     * @param schema the schema's name (a checked plain name)
     * @throws SQLException when a migration fails (it is rolled back)
     */
    static void migrate(Connection c, String schema) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, "atrium-audit-migrations:" + schema);
            lock.execute();
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".audit_schema_version ("
                        + "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            }
            int version = version(c, schema);
            if (version > latest()) {
                throw new SQLException("the audit store has schema version " + version + ", newer than this"
                        + " gateway's " + latest() + ": run a newer gateway");
            }
            for (int v = version; v < latest(); v++) {
                apply(c, schema, v);
            }
        } finally {
            try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, "atrium-audit-migrations:" + schema);
                unlock.execute();
            }
        }
    }

    private static void apply(Connection c, String schema, int from) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL search_path TO " + schema);
            for (String sql : MIGRATIONS.get(from)) {
                s.execute(sql);
            }
            s.execute("INSERT INTO audit_schema_version(version) VALUES (" + (from + 1) + ")");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Reads the schema's version.
     *
     * @param c a connection
     * @param schema the schema
     * @return the last migration applied, 0 when none (or no store there)
     * @throws SQLException when it cannot be read
     */
    static int version(Connection c, String schema) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'audit_schema_version'")) {
            exists.setString(1, schema);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + schema + ".audit_schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
