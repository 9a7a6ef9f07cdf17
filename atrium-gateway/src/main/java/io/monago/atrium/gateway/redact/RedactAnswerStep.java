package io.monago.atrium.gateway.redact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.pipeline.AnswerStep;
import io.monago.atrium.gateway.policy.Workspaces;
import io.monago.atrium.guard.pii.PiiFinding;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.redact.RedactionSession;
import java.util.List;

/**
 * Step 8: scans what the model wrote and redacts the PII it produced (an answer cannot be blocked
 * any more, so findings policy would block are redacted too). Counted as output PII in the headers
 * and the audit record.
 */
public final class RedactAnswerStep implements AnswerStep {

    private final PiiScanner scanner;
    private final Workspaces workspaces;

    /**
     * Creates the step.
     *
     * @param scanner the PII scanner
     * @param workspaces the workspaces, for their PII policy
     */
    public RedactAnswerStep(PiiScanner scanner, Workspaces workspaces) {
        this.scanner = scanner;
        this.workspaces = workspaces;
    }

    @Override
    public void apply(Exchange exchange, ObjectNode completion) {
        var policy = workspaces.require(exchange).pii();
        RedactionSession session = exchange.redaction().orElseGet(RedactionSession::oneWay);
        AnswerTexts.rewrite(completion, text -> {
            List<PiiFinding> findings = scanner.scan(text);
            if (findings.isEmpty()) {
                return text;
            }
            PiiVerdict v = policy.evaluate(findings);
            v.summary().detectedCounts().forEach((type, count) -> exchange.piiOutput(type.name(), count));
            if (v.toReplace().isEmpty()) {
                return text;
            }
            for (PiiFinding f : v.toReplace()) {
                exchange.piiRedacted(f.type().name());
            }
            // Placeholders made here are never restored: the model's PII is not the caller's to get back.
            return session.redactOutput(text, v.toReplace());
        });
    }
}
