package io.monago.atrium.gateway.redact;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.AnswerTexts;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionSession;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer half of redaction, for one call: scans what the model wrote and redacts the PII it
 * produced (an answer cannot be blocked any more, so findings policy would block are redacted too),
 * then, in reversible mode, puts the caller's own values back where the answer carries their
 * placeholders. The model's PII stays redacted; what the caller sent comes back to the caller only.
 */
final class AnswerRedaction implements AnswerHalf {

    private final PiiRedactor redactor;
    private final RedactionSession session;
    private final Offload offload;

    AnswerRedaction(PiiRedactor redactor, RedactionSession session, Offload offload) {
        this.redactor = redactor;
        this.session = session;
        this.offload = offload;
    }

    @Override
    public Future<Answer> onAnswer(Exchange exchange, Answer answer) {
        if (answer instanceof Answer.Completion c) {
            return offload.run(AnswerTexts.length(c.body()), () -> {
                        Findings found = new Findings();
                        AnswerTexts.rewrite(c.body(), found::governed);
                        return found;
                    })
                    .map(found -> {
                        found.recordOn(exchange);
                        return answer;
                    });
        }
        if (answer instanceof Answer.Chunked chunked) {
            return Future.succeededFuture(
                    chunked.through(new StreamedAnswerRedaction(this, redactor, session, exchange)));
        }
        return Future.succeededFuture(answer);
    }

    /** What one text of the answer becomes, with what was found in it added to {@code found}. */
    String govern(String text, Findings found) {
        // Placeholders made here are never restored: the model's PII is not the caller's to get back.
        PiiRedactor.RedactedText out = redactor.redactOutput(text, session);
        out.summary().detectedCounts().forEach(found::detected);
        for (PiiFinding f : out.verdict().toReplace()) {
            found.redacted(f.type());
        }
        return session.isReversible() ? session.restore(out.text()) : out.text();
    }

    /** What the answer's texts held, collected where the work ran and recorded on the event loop. */
    final class Findings {
        private final Map<EntityType, Integer> detected = new LinkedHashMap<>();
        private final Set<EntityType> redacted = new LinkedHashSet<>();

        String governed(String text) {
            return govern(text, this);
        }

        void detected(EntityType type, int count) {
            detected.merge(type, count, Integer::sum);
        }

        void redacted(EntityType type) {
            redacted.add(type);
        }

        void recordOn(Exchange exchange) {
            detected.forEach((type, count) -> exchange.piiOutput(type.name(), count));
            List<EntityType> types = new ArrayList<>(redacted);
            types.forEach(t -> exchange.piiRedacted(t.name()));
        }
    }
}
