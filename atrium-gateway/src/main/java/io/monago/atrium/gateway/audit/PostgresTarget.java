package io.monago.atrium.gateway.audit;

import io.monago.atrium.gateway.config.AuditConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL audit store is: the JDBC URL, the schema its tables live in and the
 * credentials. Connections it opens work in that schema, so tests (or several gateways' stores) can
 * share one database and stay apart.
 *
 * <pre>{@code
 * PostgresTarget target = PostgresTarget.of("jdbc:postgresql://127.0.0.1:5432/test", Optional.of("audit"),
 *         Optional.of("postgres"), Optional.empty());
 * try (Connection c = target.connect()) { ... }
 * }</pre>
 *
 * @param url the JDBC URL ({@code jdbc:postgresql://...})
 * @param schema the schema
 * @param user the user, if not the URL's or the driver's
 * @param password the password, if not the URL's
 */
public record PostgresTarget(String url, String schema, Optional<String> user, Optional<String> password) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Checks the schema name, the one value the store writes into SQL (a schema cannot be a bound
     * parameter).
     *
     * @param url see the record description
     * @param schema see the record description
     * @param user see the record description
     * @param password see the record description
     */
    public PostgresTarget {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL schema name: " + schema);
        }
    }

    /**
     * The target a configuration names.
     *
     * @param audit the audit section, with {@code url} set
     * @return the target
     */
    public static PostgresTarget of(AuditConfig audit) {
        String url = audit.urlIfSet().orElseThrow(() -> new IllegalArgumentException("audit.url is not set"));
        return of(url, audit.schemaIfSet(), audit.userIfSet(), audit.passwordIfSet());
    }

    /**
     * A target, its schema given or else the URL's {@code currentSchema}, or else {@code public}.
     *
     * @param url the JDBC URL
     * @param schema the schema, if given
     * @param user the user, if given
     * @param password the password, if given
     * @return the target
     */
    public static PostgresTarget of(
            String url, Optional<String> schema, Optional<String> user, Optional<String> password) {
        return new PostgresTarget(
                url, schema.or(() -> urlParameter(url, "currentSchema")).orElse("public"), user, password);
    }

    private static Optional<String> urlParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : url.substring(q + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /**
     * Opens a connection working in the schema (which must exist for its tables to be found).
     *
     * @return the connection, in auto-commit mode
     * @throws SQLException when it cannot connect
     */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("currentSchema", schema);
        // Names the store in pg_stat_activity, so an operator sees which gateway connection is which.
        p.setProperty("ApplicationName", "atrium-audit " + schema);
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, p);
    }

    /** {@return the store as shown to people: the URL without its parameters (which may hold a password), and the schema} */
    public String describe() {
        int q = url.indexOf('?');
        return (q < 0 ? url : url.substring(0, q)) + " schema " + schema;
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + describe() + ", user=" + user.orElse("default") + "]";
    }
}
