package io.monago.atrium.gateway.redact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.pipeline.AnswerStep;
import io.monago.atrium.guard.redact.RedactionSession;

/**
 * Reversible mode: puts the caller's own values back where the answer carries their placeholders.
 * Runs after {@link RedactAnswerStep}, so PII the model produced stays redacted while what the
 * caller sent comes back to the caller, and only to the caller.
 */
public final class RestoreAnswerStep implements AnswerStep {

    @Override
    public void apply(Exchange exchange, ObjectNode completion) {
        exchange.redaction()
                .filter(RedactionSession::isReversible)
                .ifPresent(session -> AnswerTexts.rewrite(completion, session::restore));
    }
}
