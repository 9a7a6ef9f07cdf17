package io.monago.atrium.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an {@link AuditQuery} on either store. The workspace, key, user, session, model, decision and
 * time filters use indexed columns; metadata, entity types and rule ids are read from the record's
 * JSON within the rows those leave, in the SQL of the store's {@link JsonFilters}. Every value is a
 * bound parameter.
 */
final class SearchSql {

    /** How a store's SQL reads the record's JSON; each clause takes its values as {@code ?}. */
    interface JsonFilters {
        /** {@return a clause true when the record's metadata has the key (one parameter)} */
        String metadataKey();

        /** {@return a clause true when the record's metadata has the key with the value (two parameters)} */
        String metadataValue();

        /** {@return a clause true when the entity type was found in the input or output (two parameters)} */
        String entityType();

        /** {@return a clause true when the rule id is among the matched rules (one parameter)} */
        String ruleId();
    }

    /** SQLite's JSON1 functions. */
    static final JsonFilters SQLITE = new JsonFilters() {
        @Override
        public String metadataKey() {
            return "EXISTS (SELECT 1 FROM json_each(record, '$.metadata') WHERE key = ?)";
        }

        @Override
        public String metadataValue() {
            return "EXISTS (SELECT 1 FROM json_each(record, '$.metadata') WHERE key = ? AND value = ?)";
        }

        @Override
        public String entityType() {
            return "(EXISTS (SELECT 1 FROM json_each(record, '$.pii_input') WHERE key = ?)"
                    + " OR EXISTS (SELECT 1 FROM json_each(record, '$.pii_output') WHERE key = ?))";
        }

        @Override
        public String ruleId() {
            return "EXISTS (SELECT 1 FROM json_each(record, '$.matched_rules') WHERE value = ?)";
        }
    };

    /**
     * PostgreSQL's jsonb operators. The record is stored as text, the exact bytes that were hashed
     * (jsonb would reorder its keys), and read as jsonb here.
     */
    static final JsonFilters POSTGRES = new JsonFilters() {
        @Override
        public String metadataKey() {
            return "(record::jsonb -> 'metadata' -> ?::text) IS NOT NULL";
        }

        @Override
        public String metadataValue() {
            return "(record::jsonb -> 'metadata' ->> ?::text) = ?";
        }

        @Override
        public String entityType() {
            return "((record::jsonb -> 'pii_input' -> ?::text) IS NOT NULL"
                    + " OR (record::jsonb -> 'pii_output' -> ?::text) IS NOT NULL)";
        }

        @Override
        public String ruleId() {
            return "(record::jsonb -> 'matched_rules') @> jsonb_build_array(?::text)";
        }
    };

    private SearchSql() {}

    static AuditPage run(Connection c, AuditQuery q, JsonFilters json) throws SQLException {
        StringBuilder sql =
                new StringBuilder("SELECT seq, audit_id, workspace, key_id, record FROM audit_records WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        equal(sql, args, "workspace", q.workspaceId());
        equal(sql, args, "key_id", q.keyId());
        equal(sql, args, "user_id", q.user());
        equal(sql, args, "session_id", q.sessionId());
        equal(sql, args, "model", q.model());
        equal(sql, args, "decision", q.decision());
        if (q.from().isPresent()) {
            sql.append(" AND at_ms >= ?");
            args.add(q.from().get().toEpochMilli());
        }
        if (q.to().isPresent()) {
            sql.append(" AND at_ms < ?");
            args.add(q.to().get().toEpochMilli());
        }
        if (q.cursor().isPresent()) {
            sql.append(q.oldestFirst() ? " AND seq > ?" : " AND seq < ?");
            args.add(q.cursor().getAsLong());
        }
        if (q.metadataKey().isPresent()) {
            args.add(q.metadataKey().get());
            if (q.metadataValue().isPresent()) {
                sql.append(" AND ").append(json.metadataValue());
                args.add(q.metadataValue().get());
            } else {
                sql.append(" AND ").append(json.metadataKey());
            }
        }
        if (q.entityType().isPresent()) {
            sql.append(" AND ").append(json.entityType());
            args.add(q.entityType().get());
            args.add(q.entityType().get());
        }
        if (q.ruleId().isPresent()) {
            sql.append(" AND ").append(json.ruleId());
            args.add(q.ruleId().get());
        }
        // One more than a page tells whether another page follows.
        sql.append(q.oldestFirst() ? " ORDER BY seq LIMIT ?" : " ORDER BY seq DESC LIMIT ?");
        args.add(q.limit() + 1);
        List<StoredAudit> found = new ArrayList<>();
        long last = 0;
        boolean more = false;
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (found.size() == q.limit()) {
                        more = true;
                        break;
                    }
                    last = rs.getLong(1);
                    found.add(new StoredAudit(
                            rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        return new AuditPage(found, more ? Optional.of(new AuditCursor(last)) : Optional.empty());
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, Optional<String> value) {
        if (value.isPresent()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value.get());
        }
    }
}
