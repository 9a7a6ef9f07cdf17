package io.monago.atrium.gateway.redact;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.AnswerTexts;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.guard.pii.EntityRule;
import io.monago.atrium.guard.pii.PiiAction;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
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

    /**
     * Kept content holds no personal data at all, whatever the workspace lets the caller see: what
     * its policy allows or only flags in an answer is replaced too before the text is stored.
     */
    private static final PiiRedactor FOR_AUDIT = PiiRedactor.of(
            PiiScanner.defaults(),
            PiiPolicy.builder()
                    .allTypes(new EntityRule(PiiAction.REDACT, PiiPolicy.DEFAULT_MIN_CONFIDENCE))
                    .build());

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
            boolean keep = exchange.workspace().keepsContent();
            return offload.run(AnswerTexts.length(c.body()), () -> {
                        Findings found = new Findings();
                        if (keep) {
                            // Redact, keep the text with its placeholders, then restore for the caller:
                            // the kept text never holds a value the caller gets back.
                            AnswerTexts.rewrite(c.body(), found::withPlaceholders);
                            found.kept = forAudit(AnswerTexts.contents(c.body()));
                            if (session.isReversible()) {
                                AnswerTexts.rewrite(c.body(), session::restore);
                            }
                        } else {
                            AnswerTexts.rewrite(c.body(), found::governed);
                        }
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

    /** An answer's text as the audit keeps it: every value found replaced, placeholders left as they are. */
    static String forAudit(String text) {
        return FOR_AUDIT.redactOutput(text, RedactionSession.oneWay()).text();
    }

    /** What one text of the answer becomes, with what was found in it added to {@code found}. */
    String govern(String text, Findings found) {
        String redacted = redact(text, found);
        return session.isReversible() ? session.restore(redacted) : redacted;
    }

    /** What one text of the answer becomes before the caller's own values are put back. */
    String redact(String text, Findings found) {
        // Placeholders made here are never restored: the model's PII is not the caller's to get back.
        PiiRedactor.RedactedText out = redactor.redactOutput(text, session);
        out.summary().detectedCounts().forEach(found::detected);
        for (PiiFinding f : out.verdict().toReplace()) {
            found.redacted(f.type());
        }
        return out.text();
    }

    /** What the answer's texts held, collected where the work ran and recorded on the event loop. */
    final class Findings {
        private final Map<EntityType, Integer> detected = new LinkedHashMap<>();
        private final Set<EntityType> redacted = new LinkedHashSet<>();
        /** The answer's text with placeholders, when the workspace keeps content. */
        String kept;

        String governed(String text) {
            return govern(text, this);
        }

        String withPlaceholders(String text) {
            return redact(text, this);
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
            if (kept != null) {
                exchange.answerText(kept);
            }
        }
    }
}
