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
 */
public record GatewayConfig(
        ServerConfig server,
        AuditConfig audit,
        PricingConfig pricing,
        Map<String, ProviderConfig> providers,
        List<ModelConfig> models,
        List<WorkspaceConfig> workspaces,
        List<KeyConfig> keys) {

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
     */
    public GatewayConfig {
        server = server == null ? ServerConfig.defaults() : server;
        audit = audit == null ? AuditConfig.defaults() : audit;
        pricing = pricing == null ? PricingConfig.defaults() : pricing;
        providers = providers == null
                ? Map.of("echo", new ProviderConfig("echo", null, null, null, null))
                : Map.copyOf(providers);
        models = models == null
                ? List.of(
                        new ModelConfig("echo", "echo", null, null, null),
                        new ModelConfig("*", "echo", null, null, null))
                : List.copyOf(models);
        workspaces = workspaces == null ? List.of(WorkspaceConfig.defaults()) : List.copyOf(workspaces);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** {@return the built-in defaults: every model to {@code echo}, the default workspace and policy} */
    public static GatewayConfig defaults() {
        return new GatewayConfig(null, null, null, null, null, null, null);
    }

    /**
     * Copy with another server section.
     *
     * @param newServer the server section
     * @return the copy
     */
    public GatewayConfig withServer(ServerConfig newServer) {
        return new GatewayConfig(newServer, audit, pricing, providers, models, workspaces, keys);
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
        return new GatewayConfig(server, audit, pricing, providers, models, workspaces, all);
    }
}
