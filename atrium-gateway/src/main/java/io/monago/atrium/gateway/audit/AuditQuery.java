package io.monago.atrium.gateway.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A search of audit records, newest first unless asked otherwise. Every filter given must hold; a
 * filter left empty matches every record.
 *
 * @param workspaceId the workspace searched (always the caller's over HTTP); empty for every
 *     workspace (the operator's export)
 * @param keyId only records made with this key id
 * @param from only records that arrived at or after this time (millisecond precision)
 * @param to only records that arrived before this time (millisecond precision)
 * @param user only records with this {@code user} tag (as stored: PII replaced)
 * @param sessionId only records with this session id
 * @param metadataKey only records whose metadata has this key (with {@code metadataValue}, that value)
 * @param metadataValue the value {@code metadataKey} must have
 * @param model only records of this model name (as recorded)
 * @param decision only records with this decision word
 * @param entityType only records that found this PII type, in the request or the answer
 * @param ruleId only records where this policy rule matched
 * @param limit records per page
 * @param oldestFirst whether records come oldest first (an export) instead of newest first
 * @param cursor only records past this position in the query's order (the page cursor)
 */
public record AuditQuery(
        Optional<String> workspaceId,
        Optional<String> keyId,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> user,
        Optional<String> sessionId,
        Optional<String> metadataKey,
        Optional<String> metadataValue,
        Optional<String> model,
        Optional<String> decision,
        Optional<String> entityType,
        Optional<String> ruleId,
        int limit,
        boolean oldestFirst,
        OptionalLong cursor) {

    /** Records per page when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;
    /** Most records per page. */
    public static final int MAX_LIMIT = 500;

    /**
     * Starts a query.
     *
     * @param workspaceId the workspace searched
     * @return a builder with no filter
     */
    public static Builder in(String workspaceId) {
        return new Builder(Optional.of(workspaceId));
    }

    /** {@return a builder for a search of every workspace, with no filter} */
    public static Builder anyWorkspace() {
        return new Builder(Optional.empty());
    }

    /** Builds a query. */
    public static final class Builder {
        private final Optional<String> workspaceId;
        private Optional<String> keyId = Optional.empty();
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Optional<String> user = Optional.empty();
        private Optional<String> sessionId = Optional.empty();
        private Optional<String> metadataKey = Optional.empty();
        private Optional<String> metadataValue = Optional.empty();
        private Optional<String> model = Optional.empty();
        private Optional<String> decision = Optional.empty();
        private Optional<String> entityType = Optional.empty();
        private Optional<String> ruleId = Optional.empty();
        private int limit = DEFAULT_LIMIT;
        private boolean oldestFirst;
        private OptionalLong cursor = OptionalLong.empty();

        private Builder(Optional<String> workspaceId) {
            this.workspaceId = workspaceId;
        }

        /**
         * Sets the key filter.
         *
         * @param v the key id
         * @return this builder
         */
        public Builder keyId(String v) {
            keyId = Optional.of(v);
            return this;
        }

        /**
         * Sets the start of the time range.
         *
         * @param v the earliest arrival time, inclusive
         * @return this builder
         */
        public Builder from(Instant v) {
            from = Optional.of(v);
            return this;
        }

        /**
         * Sets the end of the time range.
         *
         * @param v the latest arrival time, exclusive
         * @return this builder
         */
        public Builder to(Instant v) {
            to = Optional.of(v);
            return this;
        }

        /**
         * Sets the user filter.
         *
         * @param v the user tag
         * @return this builder
         */
        public Builder user(String v) {
            user = Optional.of(v);
            return this;
        }

        /**
         * Sets the session filter.
         *
         * @param v the session id
         * @return this builder
         */
        public Builder sessionId(String v) {
            sessionId = Optional.of(v);
            return this;
        }

        /**
         * Sets the metadata filter.
         *
         * @param key the metadata key
         * @param value its value, or empty for any value
         * @return this builder
         */
        public Builder metadata(String key, Optional<String> value) {
            metadataKey = Optional.of(key);
            metadataValue = value;
            return this;
        }

        /**
         * Sets the model filter.
         *
         * @param v the model name
         * @return this builder
         */
        public Builder model(String v) {
            model = Optional.of(v);
            return this;
        }

        /**
         * Sets the decision filter.
         *
         * @param v {@code allowed}, {@code flagged} or {@code blocked}
         * @return this builder
         */
        public Builder decision(String v) {
            decision = Optional.of(v);
            return this;
        }

        /**
         * Sets the entity type filter.
         *
         * @param v a PII type such as {@code NIK}
         * @return this builder
         */
        public Builder entityType(String v) {
            entityType = Optional.of(v);
            return this;
        }

        /**
         * Sets the rule filter.
         *
         * @param v a rule id such as {@code pii.NIK.block}
         * @return this builder
         */
        public Builder ruleId(String v) {
            ruleId = Optional.of(v);
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param v 1 to {@value AuditQuery#MAX_LIMIT}
         * @return this builder
         */
        public Builder limit(int v) {
            if (v < 1 || v > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
            limit = v;
            return this;
        }

        /**
         * Continues after a page.
         *
         * @param cursor the {@code next_cursor} of the page before
         * @return this builder
         */
        public Builder after(AuditCursor cursor) {
            this.cursor = OptionalLong.of(cursor.position());
            return this;
        }

        /**
         * Returns records oldest first, as an export wants them.
         *
         * @return this builder
         */
        public Builder oldestFirst() {
            oldestFirst = true;
            return this;
        }

        /** {@return the query} */
        public AuditQuery build() {
            return new AuditQuery(
                    workspaceId,
                    keyId,
                    from,
                    to,
                    user,
                    sessionId,
                    metadataKey,
                    metadataValue,
                    model,
                    decision,
                    entityType,
                    ruleId,
                    limit,
                    oldestFirst,
                    cursor);
        }
    }
}
