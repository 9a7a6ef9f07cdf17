package io.monago.atrium.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of an audit search, newest first.
 *
 * @param data the records
 * @param nextCursor the cursor of the next page, when there is one
 */
public record AuditPage(List<AuditRecord> data, Optional<String> nextCursor) {

    /**
     * Copies the list.
     *
     * @param data see the record description
     * @param nextCursor see the record description
     */
    public AuditPage {
        data = List.copyOf(data);
    }

    /** {@return whether another page follows} */
    public boolean hasMore() {
        return nextCursor.isPresent();
    }

    /**
     * Reads a page.
     *
     * @param body the response body
     * @return the page
     * @throws IllegalArgumentException when the body is not a page of records
     */
    public static AuditPage fromJson(JsonNode body) {
        if (body == null || !body.path("data").isArray()) {
            throw new IllegalArgumentException("expected an audit search page with a data array");
        }
        List<AuditRecord> records = new ArrayList<>();
        body.get("data").forEach(r -> records.add(AuditRecord.fromJson(r)));
        JsonNode next = body.path("next_cursor");
        boolean more = body.path("has_more").asBoolean(false);
        return new AuditPage(records, more && next.isTextual() ? Optional.of(next.asText()) : Optional.empty());
    }
}
