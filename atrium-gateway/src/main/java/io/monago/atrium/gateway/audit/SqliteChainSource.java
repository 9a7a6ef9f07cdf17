package io.monago.atrium.gateway.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a SQLite store for verification, search and export, on a connection of its own that never
 * writes: it can run beside a gateway that is appending (WAL lets it), and against a copy of the
 * file.
 */
public final class SqliteChainSource implements ChainSource {

    private final Connection connection;

    /**
     * Opens a store for reading.
     *
     * @param file the SQLite file
     * @throws AuditStoreException when there is no store there or it cannot be read
     */
    public SqliteChainSource(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AuditStoreException("no audit store at " + file, null);
        }
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            this.connection =
                    DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
            }
        } catch (SQLException e) {
            throw new AuditStoreException("cannot open the audit store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ChainInfo info() {
        try {
            if (!hasTable("audit_chain")) {
                return ChainInfo.plain();
            }
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT keyed, key_check, base_records, base_hash FROM audit_chain WHERE id = 1")) {
                if (!rs.next()) {
                    return ChainInfo.plain();
                }
                return new ChainInfo(
                        rs.getInt(1) != 0, Optional.ofNullable(rs.getString(2)), rs.getLong(3), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachRecord(Predicate<ChainRow> visitor) {
        boolean searchColumns;
        try {
            searchColumns = SqliteSchema.version(connection) >= SqliteSchema.SEARCH_COLUMNS;
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, audit_id, ts, workspace, key_id, decision, status,"
                        + " prev_hash, hash, record"
                        + (searchColumns ? ", user_id, session_id, model, at_ms" : "")
                        + " FROM audit_records ORDER BY seq")) {
            while (rs.next()) {
                Optional<ChainRow.SearchColumns> search = searchColumns
                        ? Optional.of(new ChainRow.SearchColumns(
                                Optional.ofNullable(rs.getString(11)),
                                Optional.ofNullable(rs.getString(12)),
                                Optional.ofNullable(rs.getString(13)),
                                rs.getLong(14)))
                        : Optional.empty();
                ChainRow row = new ChainRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Optional.ofNullable(rs.getString(5)),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        search);
                if (!visitor.test(row)) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public AuditPage search(AuditQuery query) {
        try {
            return SearchSql.run(connection, query, SearchSql.SQLITE);
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChainCheckpoint> checkpoints() {
        List<ChainCheckpoint> all = new ArrayList<>();
        try {
            if (!hasTable("audit_checkpoints")) {
                return all;
            }
            try (PreparedStatement q = connection.prepareStatement(
                            "SELECT records, head_audit_id, head_hash, created_at, signature"
                                    + " FROM audit_checkpoints ORDER BY records");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    all.add(new ChainCheckpoint(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Optional.ofNullable(rs.getString(5))));
                }
            }
            return all;
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    private boolean hasTable(String name) throws SQLException {
        try (PreparedStatement q =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Read-only: nothing is lost.
        }
    }
}
