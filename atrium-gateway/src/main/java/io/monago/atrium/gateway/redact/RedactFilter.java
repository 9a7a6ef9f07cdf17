package io.monago.atrium.gateway.redact;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.PolicyOutcome;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.redact.RedactionSession;
import io.vertx.core.Future;
import java.util.List;

/**
 * Replaces the findings policy says to redact with placeholders ({@code [NIK_1]}) in the request
 * body itself, so what is forwarded never holds them. One session per call keeps placeholders
 * stable across all texts; in reversible mode it also remembers the originals, in memory and for
 * this call only. The session stays inside this filter: its answer half ({@link AnswerRedaction})
 * redacts the PII the model wrote and gives the caller its own values back.
 */
public final class RedactFilter implements Filter {

    private final Offload offload;

    /**
     * Creates the filter.
     *
     * @param offload moves redacting a large answer off the event loop
     */
    public RedactFilter(Offload offload) {
        this.offload = offload;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        RedactionSession session = exchange.workspace().newRedactionSession();
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
        return Step.proceed(new AnswerRedaction(exchange.workspace().answers(), session, offload));
    }
}
