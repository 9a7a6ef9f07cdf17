package io.monago.atrium.gateway.policy;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Inspection;
import io.monago.atrium.gateway.exchange.PolicyOutcome;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.exchange.SecurityEvidence;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.guard.pii.PiiSummary;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.security.SecurityIncident;
import io.monago.atrium.guard.security.SecurityVerdict;
import io.monago.atrium.guard.security.category.IncidentCategory;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the workspace's policy to what inspection found: allowed, flagged or blocked.
 * A security block wins over a PII block, since it says more about the caller's intent. Every
 * finding's type and count is recorded whatever the decision; values never are.
 */
public final class DecidePolicyFilter implements Filter {
    /** Incidents listed in an audit record: the highest scores of a request with many segments. */
    static final int MAX_EVIDENCE = 16;

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        WorkspacePolicy ws = exchange.workspace();
        Inspection inspection = exchange.inspection();
        List<PiiVerdict> verdicts = new ArrayList<>(inspection.findings().size());
        PiiSummary pii = PiiSummary.empty();
        for (List<PiiFinding> findings : inspection.findings()) {
            PiiVerdict v = ws.pii().evaluate(findings);
            verdicts.add(v);
            pii = pii.plus(v.summary());
        }
        SecurityVerdict security = ws.security().evaluate(inspection.security());
        exchange.policyOutcome(new PolicyOutcome(verdicts, security));

        pii.detectedCounts().forEach((type, count) -> exchange.piiInput(type.name(), count));
        for (IncidentCategory c : security.incidents()) {
            exchange.incident(c.wireName());
        }
        inspection.security().incidents().stream()
                .sorted(Comparator.comparingDouble(SecurityIncident::score).reversed())
                .limit(MAX_EVIDENCE)
                .forEach(i -> exchange.securityEvidence(new SecurityEvidence(
                        i.category().wireName(), i.score(), i.path(), i.role().wire(), i.signals())));
        security.blocked().forEach(c -> exchange.matchedRule("security." + c.wireName() + ".block"));
        security.flagged().forEach(c -> exchange.matchedRule("security." + c.wireName() + ".flag"));
        pii.blockedCounts().keySet().forEach(t -> exchange.matchedRule("pii." + t.name() + ".block"));
        pii.flaggedCounts().keySet().forEach(t -> exchange.matchedRule("pii." + t.name() + ".flag"));

        if (security.isBlocked() || pii.blocked()) {
            // Nothing leaves: every type that would have been redacted or that blocks was withheld.
            withheld(exchange, pii);
        }
        if (security.isBlocked()) {
            String reason = security.blockReason().orElse("security incident detected");
            return Step.reject(Rejection.block(
                    ErrorCode.SECURITY_BLOCK, "the request was blocked by security policy: " + reason, reason));
        }
        if (pii.blocked()) {
            String reason = pii.blockReason().orElse("PII detected");
            return Step.reject(Rejection.block(
                    ErrorCode.PII_BLOCKED,
                    "the request contains personal data that policy does not allow to leave (" + reason + ")",
                    reason));
        }
        if (security.isFlagged() || pii.flagged()) {
            exchange.flag();
        }
        return Step.proceed();
    }

    private static void withheld(Exchange exchange, PiiSummary pii) {
        for (EntityType t : EntityType.values()) {
            if (pii.redactedCounts().containsKey(t) || pii.blockedCounts().containsKey(t)) {
                exchange.piiRedacted(t.name());
            }
        }
    }
}
