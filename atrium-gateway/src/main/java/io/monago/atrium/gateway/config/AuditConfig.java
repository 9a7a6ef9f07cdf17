package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * Where audit records go and how their chain is kept.
 *
 * @param sqlitePath SQLite file; default {@code <data_dir>/audit.db}
 * @param url a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/db}) that selects the
 *     PostgreSQL store instead of SQLite; default none
 * @param schema the PostgreSQL schema the store's tables live in, created if missing; default the
 *     URL's {@code currentSchema}, or {@code public}
 * @param user the PostgreSQL user; default the URL's, or the driver's
 * @param password the PostgreSQL password, written as {@code ${ENV}}; default the URL's, or none
 * @param chainKey the secret that keys the hash chain (HMAC-SHA-256), at least 16 bytes; written as
 *     {@code ${ENV}} so it stays out of the file; default none (plain SHA-256)
 * @param checkpointEvery a checkpoint (record count and head hash, signed with the chain key) is
 *     written after at most this many records, and at shutdown; default 1 000
 * @param retentionDays records older than this many days are removed, oldest first, keeping the
 *     chain verifiable from the cut; default none (kept forever)
 * @param onError {@code fail_closed} (default): a call whose record cannot be written is refused
 *     with 503; {@code fail_open}: it is answered, the failure logged loudly, and the record written
 *     once the store is back, marked {@code written_late}
 */
public record AuditConfig(
        String sqlitePath,
        String url,
        String schema,
        String user,
        String password,
        String chainKey,
        Integer checkpointEvery,
        Integer retentionDays,
        String onError) {

    /** {@code on_error}: refuse calls whose record cannot be written (the default). */
    public static final String FAIL_CLOSED = "fail_closed";

    /** {@code on_error}: answer calls whose record cannot be written, and write it later. */
    public static final String FAIL_OPEN = "fail_open";

    /** Default records between two checkpoints. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 1_000;

    /**
     * Fills defaults.
     *
     * @param sqlitePath see the record description
     * @param url see the record description
     * @param schema see the record description
     * @param user see the record description
     * @param password see the record description
     * @param chainKey see the record description
     * @param checkpointEvery see the record description
     * @param retentionDays see the record description
     * @param onError see the record description
     */
    public AuditConfig {
        checkpointEvery = checkpointEvery == null ? DEFAULT_CHECKPOINT_EVERY : checkpointEvery;
        onError = onError == null ? FAIL_CLOSED : onError;
    }

    /** {@return the defaults} */
    public static AuditConfig defaults() {
        return new AuditConfig(null, null, null, null, null, null, null, null, null);
    }

    /** {@return the configured SQLite path, if one was given} */
    public Optional<String> sqlitePathIfSet() {
        return Optional.ofNullable(sqlitePath);
    }

    /** {@return the PostgreSQL JDBC URL, if the PostgreSQL store was chosen} */
    public Optional<String> urlIfSet() {
        return Optional.ofNullable(url);
    }

    /** {@return the PostgreSQL schema, if one was given} */
    public Optional<String> schemaIfSet() {
        return Optional.ofNullable(schema);
    }

    /** {@return the PostgreSQL user, if one was given} */
    public Optional<String> userIfSet() {
        return Optional.ofNullable(user);
    }

    /** {@return the PostgreSQL password, if one was given} */
    public Optional<String> passwordIfSet() {
        return Optional.ofNullable(password);
    }

    /** {@return how many days records are kept, if they are not kept forever} */
    public Optional<Integer> retentionDaysIfSet() {
        return Optional.ofNullable(retentionDays);
    }

    /** {@return whether calls are answered while their records cannot be written} */
    public boolean failsOpen() {
        return FAIL_OPEN.equals(onError);
    }

    /** {@return the chain key, if one was configured} */
    public Optional<String> chainKeyIfSet() {
        return Optional.ofNullable(chainKey);
    }

    /**
     * A copy that writes to a PostgreSQL store.
     *
     * @param jdbcUrl the JDBC URL
     * @param schemaName the schema, or null for the URL's
     * @return the copy
     */
    public AuditConfig withPostgres(String jdbcUrl, String schemaName) {
        return new AuditConfig(
                sqlitePath, jdbcUrl, schemaName, user, password, chainKey, checkpointEvery, retentionDays, onError);
    }

    @Override
    public String toString() {
        // The chain key and the password are secrets, and a URL may hold a password: never in a log
        // line or a message.
        return "AuditConfig[sqlitePath=" + sqlitePath + ", url=" + (url == null ? "none" : "[set]")
                + ", schema=" + schema + ", user=" + user + ", password=" + (password == null ? "none" : "[hidden]")
                + ", chainKey=" + (chainKey == null ? "none" : "[hidden]")
                + ", checkpointEvery=" + checkpointEvery + ", retentionDays=" + retentionDays + ", onError=" + onError
                + "]";
    }
}
