package io.monago.atrium.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The filters of an audit search ({@code GET /audit}, docs/protocol.md §6). Every filter set must
 * hold; an admin key searches its whole workspace, any other key only its own calls.
 *
 * <pre>{@code
 * AuditListParams params = AuditListParams.builder()
 *         .decision("blocked")
 *         .entityType("NIK")
 *         .from(Instant.parse("2026-03-01T00:00:00Z"))
 *         .build();
 * for (AuditRecord rec : client.audit().list(params)) { ... }   // every page, fetched as needed
 * }</pre>
 */
public final class AuditListParams {

    private final Map<String, String> query;

    private AuditListParams(Map<String, String> query) {
        this.query = Map.copyOf(query);
    }

    /** {@return a builder with no filter} */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** {@return no filter: every record the key may see} */
    public static AuditListParams all() {
        return builder().build();
    }

    /**
     * The same filters, continuing after a page.
     *
     * @param cursor the {@code next_cursor} of that page
     * @return the params for the next page
     */
    public AuditListParams withCursor(String cursor) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("cursor", cursor);
        return new AuditListParams(next);
    }

    /**
     * A filter's value.
     *
     * @param name the query parameter, e.g. {@code decision}
     * @return its value, if set
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** {@return the URL query string, without {@code ?}; empty when no filter is set} */
    public String toQueryString() {
        return query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Builds the params. */
    public static final class Builder {
        private final Map<String, String> query;

        private Builder(Map<String, String> query) {
            this.query = query;
        }

        private Builder put(String name, String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            query.put(name, value);
            return this;
        }

        /**
         * Only records that arrived at or after a time.
         *
         * @param from the time
         * @return this builder
         */
        public Builder from(Instant from) {
            return put("from", from.toString());
        }

        /**
         * Only records that arrived before a time.
         *
         * @param to the time
         * @return this builder
         */
        public Builder to(Instant to) {
            return put("to", to.toString());
        }

        /**
         * Only records made with a key.
         *
         * @param keyId the key id (not the key)
         * @return this builder
         */
        public Builder keyId(String keyId) {
            return put("key_id", keyId);
        }

        /**
         * Only records with a user tag.
         *
         * @param user the user, as recorded
         * @return this builder
         */
        public Builder user(String user) {
            return put("user", user);
        }

        /**
         * Only records of a session.
         *
         * @param sessionId the session id
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            return put("session_id", sessionId);
        }

        /**
         * Only records whose metadata has a key.
         *
         * @param key the metadata key
         * @return this builder
         */
        public Builder metadata(String key) {
            return put("metadata", key);
        }

        /**
         * Only records whose metadata has a key with a value.
         *
         * @param key the metadata key
         * @param value its value
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            return put("metadata", key + ":" + value);
        }

        /**
         * Only records of a model.
         *
         * @param model the model name callers sent
         * @return this builder
         */
        public Builder model(String model) {
            return put("model", model);
        }

        /**
         * Only records with a decision.
         *
         * @param decision {@code allowed}, {@code flagged} or {@code blocked}
         * @return this builder
         */
        public Builder decision(String decision) {
            return put("decision", decision);
        }

        /**
         * Only records that found a PII type.
         *
         * @param entityType e.g. {@code NIK}
         * @return this builder
         */
        public Builder entityType(String entityType) {
            return put("entity_type", entityType);
        }

        /**
         * Only records where a policy rule matched.
         *
         * @param ruleId e.g. {@code pii.SSN.block}
         * @return this builder
         */
        public Builder ruleId(String ruleId) {
            return put("rule_id", ruleId);
        }

        /**
         * Records per page.
         *
         * @param limit 1 to 500
         * @return this builder
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 500) {
                throw new IllegalArgumentException("limit must be between 1 and 500");
            }
            return put("limit", Integer.toString(limit));
        }

        /** {@return the params} */
        public AuditListParams build() {
            return new AuditListParams(query);
        }
    }
}
