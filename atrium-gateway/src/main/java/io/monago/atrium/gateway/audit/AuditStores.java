package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.config.AuditConfig;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the audit store a configuration names, so that the gateway and the {@code atrium audit}
 * commands given the same configuration open the same store: PostgreSQL when {@code audit.url} is
 * set, else the SQLite file.
 */
public final class AuditStores {

    /** Records a fail-open gateway holds in memory at most while its store cannot write. */
    static final int FAIL_OPEN_HELD = 100_000;

    private AuditStores() {}

    /**
     * The SQLite file a configuration writes to.
     *
     * @param config the configuration
     * @return {@code audit.sqlite_path}, or {@code audit.db} in the data folder
     */
    public static Path sqliteFile(GatewayConfig config) {
        return config.audit()
                .sqlitePathIfSet()
                .map(Path::of)
                .orElse(Path.of(config.server().dataDir()).resolve("audit.db"));
    }

    /**
     * The chain key a configuration gives.
     *
     * @param audit the audit section
     * @return the key, or empty for a plain chain
     */
    public static Optional<ChainKey> chainKey(AuditConfig audit) {
        return audit.chainKeyIfSet().map(ChainKey::of);
    }

    /**
     * Opens the store a configuration names, for writing.
     *
     * @param config the configuration
     * @param json the mapper records are rendered with
     * @param clock the time checkpoints are stamped with
     * @return the store
     */
    public static AuditStore open(GatewayConfig config, ObjectMapper json, Clock clock) {
        AuditOptions options =
                new AuditOptions(chainKey(config.audit()), config.audit().checkpointEvery(), clock);
        AuditStore store = config.audit().urlIfSet().isPresent()
                ? new PostgresAuditStore(PostgresTarget.of(config.audit()), json, options)
                : new SqliteAuditStore(sqliteFile(config), json, options);
        return config.audit().failsOpen() ? new FailOpenAuditStore(store, FAIL_OPEN_HELD) : store;
    }

    /**
     * Opens the chain of the store a configuration names, for reading.
     *
     * @param config the configuration
     * @return the chain
     */
    public static ChainSource openChain(GatewayConfig config) {
        if (config.audit().urlIfSet().isPresent()) {
            return new PostgresChainSource(PostgresTarget.of(config.audit()));
        }
        return new SqliteChainSource(sqliteFile(config));
    }

    /**
     * Names the store a configuration opens, as shown to people (never with a password).
     *
     * @param config the configuration
     * @return the SQLite file, or the PostgreSQL URL without its parameters and the schema
     */
    public static String describe(GatewayConfig config) {
        if (config.audit().urlIfSet().isPresent()) {
            return PostgresTarget.of(config.audit()).describe();
        }
        return sqliteFile(config).toString();
    }
}
