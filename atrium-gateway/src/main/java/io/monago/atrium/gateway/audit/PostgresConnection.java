package io.monago.atrium.gateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread's connection to the PostgreSQL store, opened again after it was lost: a restarted or
 * failed-over server costs the calls of the outage, not the gateway. Not thread-safe: its owner
 * (the writer thread, the reader thread) is the only user.
 */
final class PostgresConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnection.class);

    /**
     * How long a statement of the store may wait for a lock, and run: a database that hangs (a lock
     * held elsewhere, a stalled disk) fails the write, so the gateway fails closed instead of holding
     * every call until it answers.
     */
    static final String TIMEOUTS = "SET lock_timeout = '5s'; SET statement_timeout = '30s'";

    private final PostgresTarget target;
    private final boolean autoCommit;
    private Connection current;

    /**
     * Wraps a connection already open, setting its mode and {@link #TIMEOUTS}.
     *
     * @param target where to connect again
     * @param first the open connection
     * @param autoCommit the mode connections are put in
     * @throws SQLException when the connection cannot be set up
     */
    PostgresConnection(PostgresTarget target, Connection first, boolean autoCommit) throws SQLException {
        this.target = target;
        this.autoCommit = autoCommit;
        prepare(first);
        this.current = first;
    }

    private void prepare(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(TIMEOUTS);
        }
        c.setAutoCommit(autoCommit);
    }

    /**
     * The connection, opened again if it was dropped.
     *
     * @return the connection
     * @throws SQLException when the server cannot be reached
     */
    Connection get() throws SQLException {
        if (current == null) {
            Connection c = target.connect();
            try {
                prepare(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            current = c;
            LOG.info("reconnected to the audit store {}", target.describe());
        }
        return current;
    }

    /**
     * After a failure: rolls back what the connection had begun, and drops it if it no longer
     * answers, so that the next {@link #get} opens another.
     *
     * @param cause the failure, which any rollback failure is added to
     */
    void recover(Exception cause) {
        if (current == null) {
            return;
        }
        try {
            if (!current.getAutoCommit()) {
                current.rollback();
            }
            if (current.isValid(2)) {
                return;
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        close();
    }

    @Override
    public void close() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection to the audit store: {}", e.getMessage());
        }
        current = null;
    }
}
