package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store copies committed pages from its WAL back into the database file on a thread of
 * its own, so a commit never waits for that copy: records written one commit each, far fewer pages
 * than would make the writer copy them itself, still reach the database file.
 */
class SqliteWalCopyTest {

    private static final int RECORDS = 20;

    @TempDir
    Path dir;

    @Test
    void committedRecordsReachTheDatabaseFileWithoutTheWriterCopyingThem() throws Exception {
        Path file = dir.resolve("audit.db");
        try (SqliteAuditStore store = new SqliteAuditStore(file, AuditFixtures.JSON)) {
            for (int i = 1; i <= RECORDS; i++) {
                store.append(AuditFixtures.entry(i)).join(); // one commit each: a few pages, never 20,000
            }
            long inFile = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (int attempt = 0; inFile < RECORDS && System.nanoTime() < deadline; attempt++) {
                inFile = recordsInFileAlone(file, dir.resolve("copy-" + attempt + ".db"));
                Thread.sleep(SqliteAuditStore.WAL_COPY_EVERY_MS / 2);
            }
            assertThat(inFile)
                    .as("records in the database file without its WAL")
                    .isEqualTo(RECORDS);
            assertThat(store.walCopies()).isPositive();
            // The copy is a copy: the store still reads and verifies everything it wrote.
            assertThat(store.find(AuditFixtures.entry(RECORDS).auditId()).join())
                    .isPresent();
        }
        try (SqliteAuditStore reopened = new SqliteAuditStore(file, AuditFixtures.JSON)) {
            assertThat(reopened.find(AuditFixtures.entry(1).auditId()).join()).isPresent();
        }
    }

    /** Reads a copy of the database file taken without its WAL: only pages copied back are in it. */
    private static long recordsInFileAlone(Path file, Path copy) throws Exception {
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_records")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // copied while pages were being written back: try again
        }
    }
}
