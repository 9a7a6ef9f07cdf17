package io.monago.atrium.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL schema of a test's own in the shared test database, dropped with everything in it
 * when closed.
 */
final class TestSchema implements AutoCloseable {

    static final String URL =
            System.getenv().getOrDefault("ATRIUM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("ATRIUM_TEST_POSTGRES_USER", "postgres");

    final String name = "atrium_test_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);

    /** {@return the audit section of a configuration that writes to this schema} */
    String auditYaml() {
        return "audit:\n  url: \"" + URL + "\"\n  schema: " + name + "\n  user: " + USER + "\n";
    }

    /** Runs statements in the schema, as someone with access to the database would. */
    void sql(String... statements) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("currentSchema", name);
        try (Connection c = DriverManager.getConnection(URL, p);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
