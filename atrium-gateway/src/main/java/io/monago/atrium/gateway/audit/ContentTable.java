package io.monago.atrium.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code audit_content} table, the same in both stores: one row per record whose workspace
 * keeps content, written in the record's transaction and removed with it by retention.
 */
final class ContentTable {

    private ContentTable() {}

    /**
     * Writes the content of the batch's entries that carry some, in the batch's transaction: content
     * is never kept without its record, nor a record acknowledged without its content.
     */
    static void write(Connection c, List<PendingAppend> batch) throws SQLException {
        PreparedStatement insert = null;
        try {
            for (PendingAppend p : batch) {
                Optional<AuditContent> content = p.entry().content();
                if (content.isEmpty()) {
                    continue;
                }
                if (insert == null) {
                    insert = c.prepareStatement(
                            "INSERT INTO audit_content(audit_id, request_json, response_text) VALUES (?,?,?)");
                }
                insert.setString(1, p.entry().auditId());
                insert.setString(2, content.get().requestJson());
                // PostgreSQL text cannot hold U+0000, and one row that fails fails the whole batch.
                insert.setString(
                        3,
                        content.get()
                                .responseText()
                                .map(t -> t.replace('\u0000', '\uFFFD'))
                                .orElse(null));
                insert.addBatch();
            }
            if (insert != null) {
                insert.executeBatch();
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
    }

    static Optional<AuditContent> read(Connection c, String auditId) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("SELECT request_json, response_text FROM audit_content WHERE audit_id = ?")) {
            q.setString(1, auditId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AuditContent(rs.getString(1), Optional.ofNullable(rs.getString(2))));
            }
        }
    }
}
