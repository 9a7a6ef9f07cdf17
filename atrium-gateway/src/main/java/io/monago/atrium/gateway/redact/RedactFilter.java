package io.monago.atrium.gateway.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the findings policy says to redact with placeholders ({@code [NIK_1]}) in the request
 * body itself, so what is forwarded never holds them. One session per call keeps placeholders
 * stable across all texts; in reversible mode it also remembers the originals, in memory and for
 * this call only. When the workspace keeps content, the messages are copied here, once redacted. The
 * session stays inside this filter: its answer half ({@link AnswerRedaction})
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
        boolean keep = exchange.workspace().keepsContent();
        Map<String, String> storedForms = new LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            PiiVerdict v = outcome.pii().get(i);
            TextSlot slot = slots.get(i);
            String original = slot.segment().text();
            String forwarded = original;
            if (!v.redact().isEmpty()) {
                forwarded = session.redact(original, v.redact());
                slot.replace(forwarded);
                for (PiiFinding f : v.redact()) {
                    exchange.piiRedacted(f.type().name());
                }
            }
            if (keep && (!v.flag().isEmpty() || !v.allow().isEmpty())) {
                storedForms.put(
                        forwarded.substring(slot.from()),
                        session.redactOutput(original, everything(slot, v)).substring(slot.from()));
            }
        }
        if (keep) {
            // After redaction: the content table never sees a value the policy redacts, and values it
            // only flags or allows, forwarded as they are, are kept as placeholders that are never
            // restored.
            JsonNode messages = exchange.body().path("messages").deepCopy();
            exchange.forwardedMessages(storedForms.isEmpty() ? messages : withStoredForms(messages, storedForms));
        }
        return Step.proceed(new AnswerRedaction(exchange.workspace().answers(), session, offload));
    }

    /** Every finding the slot owns, whatever policy does with it, in text order. */
    private static List<PiiFinding> everything(TextSlot slot, PiiVerdict v) {
        List<PiiFinding> all = new ArrayList<>(v.redact());
        all.addAll(v.flag());
        all.addAll(v.allow());
        all.removeIf(f -> !slot.owns(f.start()));
        all.sort(Comparator.comparingInt(PiiFinding::start));
        return all;
    }

    /** The copy of the messages with each forwarded text that held a flagged or allowed value replaced. */
    private static JsonNode withStoredForms(JsonNode node, Map<String, String> storedForms) {
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<String, String> e : storedForms.entrySet()) {
                if (!e.getKey().isEmpty()) {
                    text = text.replace(e.getKey(), e.getValue());
                }
            }
            return TextNode.valueOf(text);
        }
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                o.set(name, withStoredForms(o.get(name), storedForms));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, withStoredForms(a.get(i), storedForms));
            }
        }
        return node;
    }
}
