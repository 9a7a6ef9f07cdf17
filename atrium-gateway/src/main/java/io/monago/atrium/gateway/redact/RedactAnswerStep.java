package io.monago.atrium.gateway.redact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.pipeline.AnswerStep;
import io.monago.atrium.gateway.policy.Workspaces;
import io.monago.atrium.guard.pii.PiiFinding;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionSession;

/**
 * Step 8: scans what the model wrote and redacts the PII it produced (an answer cannot be blocked
 * any more, so findings policy would block are redacted too). Counted as output PII in the headers
 * and the audit record.
 */
public final class RedactAnswerStep implements AnswerStep {

    private final Workspaces workspaces;

    /**
     * Creates the step.
     *
     * @param workspaces the workspaces, for their answer redactors
     */
    public RedactAnswerStep(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public void apply(Exchange exchange, ObjectNode completion) {
        PiiRedactor redactor = workspaces.require(exchange).answers();
        RedactionSession session = exchange.redaction().orElseGet(RedactionSession::oneWay);
        AnswerTexts.rewrite(completion, text -> {
            // Placeholders made here are never restored: the model's PII is not the caller's to get back.
            PiiRedactor.RedactedText out = redactor.redactOutput(text, session);
            out.summary().detectedCounts().forEach((type, count) -> exchange.piiOutput(type.name(), count));
            for (PiiFinding f : out.verdict().toReplace()) {
                exchange.piiRedacted(f.type().name());
            }
            return out.text();
        });
    }
}
