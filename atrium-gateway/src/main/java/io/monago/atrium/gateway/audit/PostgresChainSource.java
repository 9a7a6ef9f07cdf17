package io.monago.atrium.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a PostgreSQL store for verification, search and export. Everything it reads comes from one
 * read-only snapshot (a repeatable-read transaction), so gateways appending or pruning meanwhile
 * cannot make the chain look broken: its facts, checkpoints and records all belong to one moment.
 *
 * <pre>{@code
 * try (ChainSource source = new PostgresChainSource(PostgresTarget.of(config.audit()))) {
 *     VerifyReport report = new AuditVerifier(json, key).verify(source, Optional.empty());
 * }
 * }</pre>
 */
public final class PostgresChainSource implements ChainSource {

    /** Rows fetched per round trip while walking the chain, so a long chain is never held in memory. */
    private static final int FETCH = 1_000;

    private final Connection connection;

    /**
     * Opens a store for reading.
     *
     * @param target where the store is
     * @throws AuditStoreException when the server cannot be reached or holds no store there
     */
    public PostgresChainSource(PostgresTarget target) {
        Connection c = null;
        try {
            c = target.connect();
            if (PostgresSchema.version(c, target.schema()) == 0) {
                throw new AuditStoreException("no audit store at " + target.describe(), null);
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            this.connection = c;
        } catch (SQLException e) {
            close(c);
            throw new AuditStoreException(
                    "cannot open the audit store " + target.describe() + ": " + e.getMessage(), e);
        } catch (AuditStoreException e) {
            close(c);
            throw e;
        }
    }

    @Override
    public ChainInfo info() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT keyed, key_check, base_records, base_hash FROM audit_chain WHERE id = 1")) {
            if (!rs.next()) {
                return ChainInfo.plain();
            }
            return new ChainInfo(
                    rs.getBoolean(1), Optional.ofNullable(rs.getString(2)), rs.getLong(3), rs.getString(4));
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachRecord(Predicate<ChainRow> visitor) {
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery("SELECT seq, audit_id, ts, workspace, key_id, decision, status,"
                    + " prev_hash, hash, record, user_id, session_id, model, at_ms FROM audit_records ORDER BY seq")) {
                while (rs.next()) {
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
                            Optional.of(new ChainRow.SearchColumns(
                                    Optional.ofNullable(rs.getString(11)),
                                    Optional.ofNullable(rs.getString(12)),
                                    Optional.ofNullable(rs.getString(13)),
                                    rs.getLong(14))));
                    if (!visitor.test(row)) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public AuditPage search(AuditQuery query) {
        try {
            return SearchSql.run(connection, query, SearchSql.POSTGRES);
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChainCheckpoint> checkpoints() {
        List<ChainCheckpoint> all = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(
                        "SELECT records, head_audit_id, head_hash, created_at, signature FROM audit_checkpoints"
                                + " ORDER BY records");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                all.add(new ChainCheckpoint(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Optional.ofNullable(rs.getString(5))));
            }
            return all;
        } catch (SQLException e) {
            throw new AuditStoreException("the audit store cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            // Read-only: nothing is lost.
        }
        try {
            c.close();
        } catch (SQLException e) {
            // Read-only: nothing is lost.
        }
    }
}
