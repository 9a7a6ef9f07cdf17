package io.monago.atrium.gateway.exchange;

import io.monago.atrium.gateway.config.ModelGlob;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling: the key's record, never the key itself.
 *
 * @param keyId the key's id from configuration
 * @param workspaceId the workspace the key belongs to
 * @param admin whether the key may read every audit record of its workspace
 * @param models the key's own model allow-list, if it narrows the workspace's
 * @param disabled whether the key is disabled
 * @param name the key's display name
 * @param labels the key's labels, for policy rules
 */
public record Principal(
        String keyId,
        String workspaceId,
        boolean admin,
        Optional<List<ModelGlob>> models,
        boolean disabled,
        String name,
        Map<String, String> labels) {

    /**
     * Copies the labels.
     *
     * @param keyId see the record description
     * @param workspaceId see the record description
     * @param admin see the record description
     * @param models see the record description
     * @param disabled see the record description
     * @param name see the record description
     * @param labels see the record description
     */
    public Principal {
        labels = Map.copyOf(labels);
    }

    /**
     * A key with no display name (its id stands for it) and no labels.
     *
     * @param keyId see the record description
     * @param workspaceId see the record description
     * @param admin see the record description
     * @param models see the record description
     * @param disabled see the record description
     */
    public Principal(
            String keyId, String workspaceId, boolean admin, Optional<List<ModelGlob>> models, boolean disabled) {
        this(keyId, workspaceId, admin, models, disabled, keyId, Map.of());
    }
}
