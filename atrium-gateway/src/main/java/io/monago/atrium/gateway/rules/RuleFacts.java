package io.monago.atrium.gateway.rules;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the rule variables for one call. Every variable has a value (an empty string, a
 * zero, an empty list), and the maps keyed by entity type, category or role hold every key, so a
 * condition never fails for a key the call did not have.
 */
public final class RuleFacts {

    private final Map<String, Object> values;

    private RuleFacts(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** {@return a builder with every variable at its empty value} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the values by variable name, as the CEL runtime reads them} */
    public Map<String, Object> values() {
        return values;
    }

    /** Gathers the values. Setters take Java types; integers are widened to CEL's 64-bit int. */
    public static final class Builder {

        private final Map<String, Object> v = new HashMap<>();

        private Builder() {
            request("", List.of(), "", Map.of(), false, List.of(), 0);
            key("", "", Map.of(), false);
            v.put("workspace.id", "");
            pii(Map.of(), Map.of());
            security(Map.of());
            incidents(List.of());
            time(Instant.EPOCH, ZoneId.of("UTC"));
            usage("key", 0, 0, 0, 0);
            usage("workspace", 0, 0, 0, 0);
        }

        /**
         * Sets the request's variables.
         *
         * @param model the model asked for
         * @param messages each message's role and text, in order
         * @param user the end user, or empty
         * @param metadata the request's metadata
         * @param stream whether the answer is streamed
         * @param tools the names of the tools offered
         * @param maxTokens the answer's token limit, 0 when the caller set none
         * @return this builder
         */
        public Builder request(
                String model,
                List<Map<String, String>> messages,
                String user,
                Map<String, String> metadata,
                boolean stream,
                List<String> tools,
                long maxTokens) {
            v.put("request.model", model);
            v.put("request.messages", List.copyOf(messages));
            Map<String, String> byRole = new HashMap<>();
            for (String role : List.of("system", "developer", "user", "assistant", "tool")) {
                byRole.put(role, "");
            }
            for (Map<String, String> m : messages) {
                String role = m.getOrDefault("role", "");
                String text = m.getOrDefault("text", "");
                byRole.merge(role, text, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            }
            v.put("request.text", Map.copyOf(byRole));
            v.put("request.user", user);
            v.put("request.metadata", Map.copyOf(metadata));
            v.put("request.stream", stream);
            v.put("request.tools", List.copyOf(tools));
            v.put("request.max_tokens", maxTokens);
            return this;
        }

        /**
         * Sets the key's variables.
         *
         * @param id the key's id
         * @param name its display name
         * @param labels its labels
         * @param admin whether it is an admin key
         * @return this builder
         */
        public Builder key(String id, String name, Map<String, String> labels, boolean admin) {
            v.put("key.id", id);
            v.put("key.name", name);
            v.put("key.labels", Map.copyOf(labels));
            v.put("key.admin", admin);
            return this;
        }

        /**
         * Sets the workspace's id.
         *
         * @param id the workspace id
         * @return this builder
         */
        public Builder workspace(String id) {
            v.put("workspace.id", id);
            return this;
        }

        /**
         * Sets what PII was found.
         *
         * @param counts findings per entity type name
         * @param maxConfidence highest confidence per entity type name
         * @return this builder
         */
        public Builder pii(Map<String, Integer> counts, Map<String, Double> maxConfidence) {
            Map<String, Long> count = new HashMap<>();
            Map<String, Double> confidence = new HashMap<>();
            for (EntityType type : EntityType.values()) {
                count.put(type.name(), 0L);
                confidence.put(type.name(), 0.0);
            }
            long total = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                count.put(e.getKey(), e.getValue().longValue());
                total += e.getValue();
            }
            confidence.putAll(maxConfidence);
            v.put(
                    "pii.types",
                    counts.entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .map(Map.Entry::getKey)
                            .sorted()
                            .toList());
            v.put("pii.count", Map.copyOf(count));
            v.put("pii.total", total);
            v.put("pii.confidence", Map.copyOf(confidence));
            return this;
        }

        /**
         * Sets what the security analysis found.
         *
         * @param scores the highest score per category wire name; categories with an incident
         *     are the ones the workspace's thresholds counted
         * @return this builder
         */
        public Builder security(Map<String, Double> scores) {
            Map<String, Double> all = new HashMap<>();
            for (IncidentCategory c : IncidentCategory.values()) {
                all.put(c.wireName(), 0.0);
            }
            all.putAll(scores);
            v.put("security.scores", Map.copyOf(all));
            return this;
        }

        /**
         * Sets the incidents the workspace's thresholds counted.
         *
         * @param incidents category wire names
         * @return this builder
         */
        public Builder incidents(List<String> incidents) {
            v.put("security.incidents", List.copyOf(incidents));
            return this;
        }

        /**
         * Sets the time of the call.
         *
         * @param now when the call arrived
         * @param zone the workspace's time zone
         * @return this builder
         */
        public Builder time(Instant now, ZoneId zone) {
            ZonedDateTime local = now.atZone(zone);
            v.put("time.now", now);
            v.put("time.hour", (long) local.getHour());
            v.put("time.minute", (long) local.getMinute());
            v.put("time.weekday", (long) local.getDayOfWeek().getValue());
            v.put("time.date", local.toLocalDate().toString());
            v.put("time.zone", zone.getId());
            return this;
        }

        /**
         * Sets what a key or workspace has used so far.
         *
         * @param who {@code key} or {@code workspace}
         * @param tokensToday tokens used today
         * @param tokensMonth tokens used this month
         * @param idrToday rupiah spent today
         * @param idrMonth rupiah spent this month
         * @return this builder
         */
        public Builder usage(String who, long tokensToday, long tokensMonth, double idrToday, double idrMonth) {
            v.put("usage." + who + ".tokens_today", tokensToday);
            v.put("usage." + who + ".tokens_month", tokensMonth);
            v.put("usage." + who + ".idr_today", idrToday);
            v.put("usage." + who + ".idr_month", idrMonth);
            return this;
        }

        /** {@return the facts} */
        public RuleFacts build() {
            return new RuleFacts(v);
        }
    }
}
