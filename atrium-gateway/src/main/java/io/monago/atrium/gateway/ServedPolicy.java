package io.monago.atrium.gateway;

import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.http.AuditContentHandler;
import io.monago.atrium.gateway.http.AuditEvaluationsHandler;
import io.monago.atrium.gateway.http.AuditHandler;
import io.monago.atrium.gateway.http.AuditSearchHandler;
import io.monago.atrium.gateway.http.ChatCompletionsHandler;
import io.monago.atrium.gateway.http.MetricsHandler;
import io.monago.atrium.gateway.http.ModelsHandler;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.gateway.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of the policy as the gateway serves it: the keys, workspaces, rules and model routes
 * of one configuration, built into the chat chains and the handlers that read them. Immutable; a
 * reload builds a new one and the gateway swaps it in whole, so a call sees one version throughout.
 *
 * @param config the configuration it was built from, generated keys included
 * @param workspaces the compiled workspaces
 * @param chat the chat chains
 * @param models {@code GET /v1/models}
 * @param audit {@code GET /v1/audit/:id}
 * @param auditSearch {@code GET /v1/audit}
 * @param auditContent {@code GET /v1/audit/:id/content}
 * @param auditEvaluations {@code POST /v1/audit/:id/evaluations}
 * @param metrics {@code GET /metrics} on the gateway's port
 */
record ServedPolicy(
        GatewayConfig config,
        Workspaces workspaces,
        ChatCompletionsHandler.Chains chat,
        ModelsHandler models,
        AuditHandler audit,
        AuditSearchHandler auditSearch,
        AuditContentHandler auditContent,
        AuditEvaluationsHandler auditEvaluations,
        MetricsHandler metrics) {

    /** {@return each workspace with its rules' version, for the log: {@code clinic 3f2a…, default (no rules)}} */
    String versions() {
        List<String> out = new ArrayList<>();
        for (var w : config.workspaces()) {
            WorkspacePolicy p = workspaces.require(w.id());
            out.add(w.id()
                    + (p.rules().rules().isEmpty()
                            ? " (no rules)"
                            : " policy version " + p.rules().version()));
        }
        return String.join(", ", out);
    }
}
