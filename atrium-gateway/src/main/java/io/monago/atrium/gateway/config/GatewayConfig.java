package io.monago.atrium.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * The whole gateway configuration, as read from {@code atrium.yaml} or built from defaults.
 * Immutable; {@link ConfigLoader} validates cross references before one is handed out.
 *
 * @param server listening and limits
 * @param audit audit store
 * @param pricing currency conversion
 * @param providers upstream providers by name
 * @param models model routes, first match wins
 * @param workspaces workspaces
 * @param keys API keys (hashes)
 * @param limits where rate limits and budgets are counted
 * @param idempotency where Idempotency-Keys and their answers are kept
 * @param telemetry tracing (off by default)
 * @param metrics Prometheus metrics
 */
public record GatewayConfig(
        ServerConfig server,
        AuditConfig audit,
        PricingConfig pricing,
        Map<String, ProviderConfig> providers,
        List<ModelConfig> models,
        List<WorkspaceConfig> workspaces,
        List<KeyConfig> keys,
        LimitsConfig limits,
        IdempotencyConfig idempotency,
        TelemetryConfig telemetry,
        MetricsConfig metrics) {

    /**
     * Fills defaults.
     *
     * @param server see the record description
     * @param audit see the record description
     * @param pricing see the record description
     * @param providers see the record description
     * @param models see the record description
     * @param workspaces see the record description
     * @param keys see the record description
     * @param limits see the record description
     * @param idempotency see the record description
     * @param telemetry see the record description
     * @param metrics see the record description
     */
    public GatewayConfig {
        server = server == null ? ServerConfig.defaults() : server;
        audit = audit == null ? AuditConfig.defaults() : audit;
        pricing = pricing == null ? PricingConfig.defaults() : pricing;
        providers = providers == null ? Map.of("echo", ProviderConfig.ofType("echo")) : Map.copyOf(providers);
        models = models == null
                ? List.of(
                        new ModelConfig("echo", "echo", null, null, null, null),
                        // Named so that GET /v1/models lists the model the README and examples use.
                        new ModelConfig(DEFAULT_EXAMPLE_MODEL, "echo", null, null, null, null),
                        new ModelConfig("*", "echo", null, null, null, null))
                : List.copyOf(models);
        workspaces = workspaces == null ? List.of(WorkspaceConfig.defaults()) : List.copyOf(workspaces);
        keys = keys == null ? List.of() : List.copyOf(keys);
        limits = limits == null ? LimitsConfig.defaults() : limits;
        idempotency = idempotency == null ? IdempotencyConfig.defaults() : idempotency;
        telemetry = telemetry == null ? TelemetryConfig.defaults() : telemetry;
        metrics = metrics == null ? MetricsConfig.defaults() : metrics;
    }

    /** The model the README, docs and examples ask for; on the built-in defaults it is listed and served by {@code echo}. */
    public static final String DEFAULT_EXAMPLE_MODEL = "gpt-5.4-mini";

    /** {@return the built-in defaults: every model to {@code echo}, the default workspace and policy} */
    public static GatewayConfig defaults() {
        return new GatewayConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Copy with another server section.
     *
     * @param newServer the server section
     * @return the copy
     */
    public GatewayConfig withServer(ServerConfig newServer) {
        return new GatewayConfig(
                newServer,
                audit,
                pricing,
                providers,
                models,
                workspaces,
                keys,
                limits,
                idempotency,
                telemetry,
                metrics);
    }

    /**
     * Copy with another audit section.
     *
     * @param newAudit the audit section
     * @return the copy
     */
    public GatewayConfig withAudit(AuditConfig newAudit) {
        return new GatewayConfig(
                server,
                newAudit,
                pricing,
                providers,
                models,
                workspaces,
                keys,
                limits,
                idempotency,
                telemetry,
                metrics);
    }

    /**
     * Copy with more keys.
     *
     * @param extra keys to add
     * @return the copy
     */
    public GatewayConfig withExtraKeys(List<KeyConfig> extra) {
        List<KeyConfig> all = new java.util.ArrayList<>(keys);
        all.addAll(extra);
        return new GatewayConfig(
                server, audit, pricing, providers, models, workspaces, all, limits, idempotency, telemetry, metrics);
    }
}
