package io.monago.atrium.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.rules.RuleFacts;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the rule variables of one call from its exchange: the request as sent (before
 * redaction, in memory only), the caller, what inspection and the built-in checks found, and the
 * time in the workspace's zone.
 */
final class CallFacts {

    private CallFacts() {}

    static RuleFacts of(Exchange exchange) {
        WorkspacePolicy ws = exchange.workspace();
        ObjectNode body = exchange.body();
        RuleFacts.Builder b = RuleFacts.builder()
                .request(
                        exchange.model().orElse(""),
                        messages(body),
                        exchange.tags().user().orElse(""),
                        exchange.tags().metadata(),
                        body.path("stream").asBoolean(false),
                        tools(body),
                        maxTokens(body))
                .workspace(ws.id())
                .time(exchange.receivedAt(), ws.zone());
        exchange.principal().ifPresent(p -> key(b, p));
        pii(b, exchange.policyOutcome().pii());
        Map<String, Double> scores = new HashMap<>();
        exchange.inspection().security().maxScores().forEach((c, s) -> scores.put(c.wireName(), s));
        b.security(scores);
        b.incidents(exchange.policyOutcome().security().incidents().stream()
                .map(IncidentCategory::wireName)
                .toList());
        exchange.usageSoFar().ifPresent(u -> {
            b.usage("key", u.keyTokensToday(), u.keyTokensMonth(), u.keyIdrToday(), u.keyIdrMonth());
            b.usage(
                    "workspace",
                    u.workspaceTokensToday(),
                    u.workspaceTokensMonth(),
                    u.workspaceIdrToday(),
                    u.workspaceIdrMonth());
        });
        return b.build();
    }

    private static void key(RuleFacts.Builder b, Principal p) {
        b.key(p.keyId(), p.name(), p.labels(), p.admin());
    }

    private static void pii(RuleFacts.Builder b, List<PiiVerdict> verdicts) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Double> confidence = new HashMap<>();
        for (PiiVerdict v : verdicts) {
            for (List<PiiFinding> list : List.of(v.redact(), v.block(), v.flag(), v.allow())) {
                for (PiiFinding f : list) {
                    counts.merge(f.type().name(), 1, Integer::sum);
                    confidence.merge(f.type().name(), f.confidence(), Math::max);
                }
            }
        }
        b.pii(counts, confidence);
    }

    private static List<Map<String, String>> messages(ObjectNode body) {
        JsonNode messages = body.path("messages");
        List<Map<String, String>> out = new ArrayList<>(messages.size());
        for (JsonNode m : messages) {
            out.add(Map.of("role", m.path("role").asText(""), "text", text(m.get("content"))));
        }
        return out;
    }

    private static String text(JsonNode content) {
        if (content == null) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode t = part.get("text");
            if (t != null && t.isTextual()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(t.asText());
            }
        }
        return sb.toString();
    }

    private static List<String> tools(ObjectNode body) {
        List<String> names = new ArrayList<>();
        for (JsonNode t : body.path("tools")) {
            String name = t.path("function").path("name").asText("");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static long maxTokens(ObjectNode body) {
        JsonNode n = body.get("max_completion_tokens");
        if (n == null || !n.canConvertToLong()) {
            n = body.get("max_tokens");
        }
        return n != null && n.canConvertToLong() ? n.asLong() : 0;
    }
}
