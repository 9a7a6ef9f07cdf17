package io.monago.atrium.gateway.policy;

import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.gateway.access.ModelGlob;
import java.util.List;

/**
 * One workspace's compiled policy.
 *
 * @param id the workspace id
 * @param models its model allow-list
 */
public record WorkspacePolicy(String id, List<ModelGlob> models) {

    /**
     * Compiles a workspace's configuration.
     *
     * @param config the configuration
     * @return the policy
     */
    public static WorkspacePolicy compile(WorkspaceConfig config) {
        return new WorkspacePolicy(config.id(), config.models().stream().map(ModelGlob::new).toList());
    }
}
