package io.monago.atrium.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API key, stored only as its hash.
 *
 * @param id a name for the key, recorded in audit records instead of the key
 * @param hash {@code sha256:<hex>} of the key (see {@code atrium key hash})
 * @param workspace the workspace the key belongs to, default {@code default}
 * @param admin whether the key may read every audit record of its workspace, default false
 * @param models the key's own model allow-list (globs), narrowing the workspace's; default none
 * @param disabled a disabled key gets 403, default false
 * @param name a display name for rules and people, default the id
 * @param labels free labels policy rules can read (team, project...), default none
 * @param limits the key's own rate limits and budgets, default none
 */
public record KeyConfig(
        String id,
        String hash,
        String workspace,
        Boolean admin,
        List<String> models,
        Boolean disabled,
        String name,
        Map<String, String> labels,
        LimitSettings limits) {

    /**
     * Fills defaults.
     *
     * @param id see the record description
     * @param hash see the record description
     * @param workspace see the record description
     * @param admin see the record description
     * @param models see the record description
     * @param disabled see the record description
     * @param name see the record description
     * @param labels see the record description
     * @param limits see the record description
     */
    public KeyConfig {
        workspace = workspace == null ? WorkspaceConfig.DEFAULT_ID : workspace;
        admin = admin != null && admin;
        models = models == null ? null : List.copyOf(models);
        disabled = disabled != null && disabled;
        name = name == null ? id : name;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        limits = limits == null ? LimitSettings.NONE : limits;
    }

    /**
     * A key with no display name or labels.
     *
     * @param id see the record description
     * @param hash see the record description
     * @param workspace see the record description
     * @param admin see the record description
     * @param models see the record description
     * @param disabled see the record description
     */
    public KeyConfig(String id, String hash, String workspace, Boolean admin, List<String> models, Boolean disabled) {
        this(id, hash, workspace, admin, models, disabled, null, null, null);
    }

    /** {@return the key's own allow-list, if it has one} */
    public Optional<List<String>> modelsIfSet() {
        return Optional.ofNullable(models);
    }
}
