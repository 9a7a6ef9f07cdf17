package io.monago.atrium.gateway.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of search results, newest first.
 *
 * @param records the records
 * @param next where the next page starts, when there are more
 */
public record AuditPage(List<StoredAudit> records, Optional<AuditCursor> next) {}
