package io.monago.atrium.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A schema of its own in the shared PostgreSQL test database, dropped with everything in it when
 * closed, so tests running at once (here and elsewhere) never see each other's tables.
 */
public final class PostgresSchemas implements AutoCloseable {

    /** The test database: {@code ATRIUM_TEST_POSTGRES_URL}, or the local server. */
    public static final String URL =
            System.getenv().getOrDefault("ATRIUM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    /** The test user: {@code ATRIUM_TEST_POSTGRES_USER}, or {@code postgres}. */
    public static final String USER = System.getenv().getOrDefault("ATRIUM_TEST_POSTGRES_USER", "postgres");

    private final String name;

    private PostgresSchemas(String name) {
        this.name = name;
    }

    /** {@return a fresh schema name (the schema itself is created by whoever opens a store in it)} */
    public static PostgresSchemas fresh() {
        return new PostgresSchemas("atrium_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT));
    }

    /** {@return the schema's name} */
    public String name() {
        return name;
    }

    /** {@return the {@code audit:} lines of a gateway configuration that writes to this schema} */
    public String auditYaml() {
        return "audit:\n  url: \"" + URL + "\"\n  schema: " + name + "\n  user: " + USER + "\n";
    }

    /**
     * A plain connection working in the schema, as someone with access to the database would have.
     *
     * @return the connection, in auto-commit mode
     * @throws SQLException when the server cannot be reached
     */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("currentSchema", name);
        return DriverManager.getConnection(URL, p);
    }

    @Override
    public void close() {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("the test schema " + name + " could not be dropped", e);
        }
    }
}
