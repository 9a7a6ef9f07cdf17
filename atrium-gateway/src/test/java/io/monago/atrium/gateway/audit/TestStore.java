package io.monago.atrium.gateway.audit;

import io.monago.atrium.gateway.support.PostgresSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * One store for a test, of either kind, with what tamper tests need: the store's tables edited
 * directly, as someone with access to the file or the database would. Closing it removes the store
 * (a PostgreSQL schema is dropped; a SQLite file goes with its temporary folder).
 */
abstract class TestStore implements AutoCloseable {

    /** The kinds of store every store test runs against. */
    enum Kind {
        SQLITE,
        POSTGRES;

        TestStore create(Path dir) {
            return this == SQLITE ? new Sqlite(dir.resolve("audit.db")) : new Postgres(PostgresSchemas.fresh());
        }
    }

    abstract AuditStore open(AuditOptions options);

    AuditStore open() {
        return open(AuditOptions.defaults());
    }

    abstract ChainSource source();

    /** {@return the records the store removes per retention transaction} */
    abstract int pruneBatch();

    /** {@return a plain connection to the store's tables} */
    abstract Connection tamper() throws SQLException;

    /**
     * Cuts the chain after record {@code n} and removes the checkpoints, as whoever cuts a tail
     * would; on PostgreSQL the head row is moved back too, so that new records go on from there.
     */
    void truncateAfter(long n) throws SQLException {
        try (Connection c = tamper();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_records WHERE seq > " + n);
            s.executeUpdate("DELETE FROM audit_checkpoints");
            moveHeadBack(s, n);
        }
    }

    void moveHeadBack(Statement s, long n) throws SQLException {}

    VerifyReport verify(Optional<ChainKey> key, Optional<ChainCheckpoint> checkpoint) {
        try (ChainSource source = source()) {
            return new AuditVerifier(AuditFixtures.JSON, key).verify(source, checkpoint);
        }
    }

    @Override
    public abstract void close();

    static final class Sqlite extends TestStore {
        private final Path file;

        Sqlite(Path file) {
            this.file = file;
        }

        @Override
        AuditStore open(AuditOptions options) {
            return new SqliteAuditStore(file, AuditFixtures.JSON, options);
        }

        @Override
        ChainSource source() {
            return new SqliteChainSource(file);
        }

        @Override
        int pruneBatch() {
            return SqliteAuditStore.PRUNE_BATCH;
        }

        @Override
        Connection tamper() throws SQLException {
            return AuditFixtures.tamper(file);
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return "SQLite";
        }
    }

    static final class Postgres extends TestStore {
        private final PostgresSchemas schema;
        private final PostgresTarget target;

        Postgres(PostgresSchemas schema) {
            this.schema = schema;
            this.target = PostgresTarget.of(
                    PostgresSchemas.URL,
                    Optional.of(schema.name()),
                    Optional.of(PostgresSchemas.USER),
                    Optional.empty());
        }

        PostgresTarget target() {
            return target;
        }

        @Override
        AuditStore open(AuditOptions options) {
            return new PostgresAuditStore(target, AuditFixtures.JSON, options);
        }

        @Override
        ChainSource source() {
            return new PostgresChainSource(target);
        }

        @Override
        int pruneBatch() {
            return PostgresAuditStore.PRUNE_BATCH;
        }

        @Override
        Connection tamper() throws SQLException {
            return schema.connect();
        }

        @Override
        void moveHeadBack(Statement s, long n) throws SQLException {
            s.executeUpdate("UPDATE audit_chain SET head_seq = r.seq, head_audit_id = r.audit_id, head_hash = r.hash,"
                    + " checkpointed = 0 FROM audit_records r WHERE r.seq = " + n);
        }

        @Override
        public void close() {
            schema.close();
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }
}
