package io.monago.atrium.gateway.config;

import java.util.List;

/**
 * A workspace: a team's policy and its model allow-list.
 *
 * @param id the workspace id, referenced by keys
 * @param models allow-list of model names (globs), default {@code ["*"]}
 * @param pii what to do with PII found in requests and answers
 * @param security what to do with prompt attacks
 */
public record WorkspaceConfig(String id, List<String> models, PiiSettings pii, SecuritySettings security) {

    /** Id of the workspace that exists when no configuration names one. */
    public static final String DEFAULT_ID = "default";

    /**
     * Fills defaults.
     *
     * @param id see the record description
     * @param models see the record description
     * @param pii see the record description
     * @param security see the record description
     */
    public WorkspaceConfig {
        models = models == null ? List.of("*") : List.copyOf(models);
        pii = pii == null ? PiiSettings.defaults() : pii;
        security = security == null ? SecuritySettings.defaults() : security;
    }

    /** {@return the default workspace: every model, the default PII and security policy} */
    public static WorkspaceConfig defaults() {
        return new WorkspaceConfig(DEFAULT_ID, null, null, null);
    }
}
