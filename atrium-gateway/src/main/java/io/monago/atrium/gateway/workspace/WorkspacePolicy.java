package io.monago.atrium.gateway.workspace;

import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.rules.RuleSet;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionOperator;
import io.monago.atrium.guard.redact.RedactionSession;
import io.monago.atrium.guard.security.SecurityAction;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.time.ZoneId;
import java.util.List;

/**
 * One workspace's compiled policy.
 *
 * @param id the workspace id
 * @param models its model allow-list
 * @param pii what to do with each PII entity type
 * @param reversible whether redacted values are restored in the answer for the caller
 * @param operator how redacted values are replaced
 * @param security what to do with each attack category
 * @param analyzer the security analyzer, with this workspace's trusted roles
 * @param answers scans and redacts answers with this workspace's PII policy
 * @param rules the workspace's policy rules, in order, and their version
 * @param zone the time zone rules read the time in
 * @param limits the workspace's rate limits and budgets, all keys together
 * @param storesContent whether its calls' redacted prompts and answers are kept beside their audit
 *     records ({@code audit.store_content})
 * @param tracesContent whether its calls' redacted prompts and answers go on their server spans
 *     ({@code telemetry.content})
 */
public record WorkspacePolicy(
        String id,
        List<ModelGlob> models,
        PiiPolicy pii,
        boolean reversible,
        RedactionOperator operator,
        SecurityPolicy security,
        SecurityAnalyzer analyzer,
        PiiRedactor answers,
        RuleSet rules,
        ZoneId zone,
        LimitSettings limits,
        boolean storesContent,
        boolean tracesContent) {

    /** {@return whether any attack category is acted on; when none is, analysis is skipped} */
    public boolean analysesSecurity() {
        for (IncidentCategory c : IncidentCategory.values()) {
            if (security.policyFor(c).action() != SecurityAction.OFF) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether the redacted prompt and answer are kept, for the audit or for the trace} */
    public boolean keepsContent() {
        return storesContent || tracesContent;
    }

    /** {@return a fresh redaction session for one request of this workspace} */
    public RedactionSession newRedactionSession() {
        return RedactionSession.builder()
                .operator(operator)
                .reversible(reversible)
                .build();
    }
}
