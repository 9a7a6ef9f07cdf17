package io.monago.atrium.gateway.policy;

import io.monago.atrium.gateway.access.ModelGlob;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import java.util.List;

/**
 * One workspace's compiled policy.
 *
 * @param id the workspace id
 * @param models its model allow-list
 * @param pii what to do with each PII entity type
 * @param reversible whether redacted values are restored in the answer for the caller
 * @param security what to do with each attack category
 * @param analyzer the security analyzer, with this workspace's trusted roles
 */
public record WorkspacePolicy(String id, List<ModelGlob> models, PiiPolicy pii, boolean reversible,
        SecurityPolicy security, SecurityAnalyzer analyzer) {
}
