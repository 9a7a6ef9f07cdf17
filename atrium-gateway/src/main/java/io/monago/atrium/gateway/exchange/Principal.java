package io.monago.atrium.gateway.exchange;

import io.monago.atrium.gateway.workspace.ModelGlob;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling: the key's record, never the key itself.
 *
 * @param keyId the key's id from configuration
 * @param workspaceId the workspace the key belongs to
 * @param admin whether the key may read every audit record of its workspace
 * @param models the key's own model allow-list, if it narrows the workspace's
 * @param disabled whether the key is disabled
 */
public record Principal(
        String keyId, String workspaceId, boolean admin, Optional<List<ModelGlob>> models, boolean disabled) {}
