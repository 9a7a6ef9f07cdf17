package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * Where audit records go.
 *
 * @param sqlitePath SQLite file; default {@code <data_dir>/audit.db}
 */
public record AuditConfig(String sqlitePath) {

    /** {@return the defaults} */
    public static AuditConfig defaults() {
        return new AuditConfig(null);
    }

    /** {@return the configured SQLite path, if one was given} */
    public Optional<String> sqlitePathIfSet() {
        return Optional.ofNullable(sqlitePath);
    }
}
