package io.monago.atrium.gateway.redact;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.inspect.TextSlot;
import io.monago.atrium.gateway.pipeline.GovernanceStep;
import io.monago.atrium.gateway.policy.PolicyOutcome;
import io.monago.atrium.gateway.policy.Workspaces;
import io.monago.atrium.guard.pii.PiiFinding;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.redact.RedactionSession;
import java.util.List;
import java.util.Optional;

/**
 * Step 6: replaces the findings policy says to redact with placeholders ({@code [NIK_1]}) in the
 * request body itself, so what is forwarded never holds them. One session per request keeps
 * placeholders stable across all texts; in reversible mode it also remembers the originals, in
 * memory and for this request only, so the answer can be restored for the caller.
 */
public final class RedactStep implements GovernanceStep {

    private final Workspaces workspaces;

    /**
     * Creates the step.
     *
     * @param workspaces the workspaces, for their operator and reversible setting
     */
    public RedactStep(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Optional<Rejection> apply(Exchange exchange) {
        RedactionSession session = workspaces.require(exchange).newRedactionSession();
        exchange.redaction(session);
        List<TextSlot> slots = exchange.inspection().slots();
        PolicyOutcome outcome = exchange.policyOutcome();
        for (int i = 0; i < slots.size(); i++) {
            PiiVerdict v = outcome.pii().get(i);
            if (v.redact().isEmpty()) {
                continue;
            }
            TextSlot slot = slots.get(i);
            slot.replace(session.redact(slot.segment().text(), v.redact()));
            for (PiiFinding f : v.redact()) {
                exchange.piiRedacted(f.type().name());
            }
        }
        return Optional.empty();
    }
}
