package io.monago.atrium.cli;

import io.monago.atrium.gateway.audit.AuditQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The filters of {@code atrium audit search} and {@code export}: those of {@code GET /v1/audit}. */
final class AuditFilterOptions {

    @Option(names = "--from", paramLabel = "TIME", description = "records that arrived at or after TIME (ISO-8601 UTC)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "records that arrived before TIME (ISO-8601 UTC)")
    String to;

    @Option(names = "--workspace", paramLabel = "ID", description = "one workspace (default: all)")
    String workspace;

    @Option(names = "--key-id", paramLabel = "ID", description = "calls made with this key id")
    String keyId;

    @Option(names = "--user", paramLabel = "USER", description = "calls tagged with this user")
    String user;

    @Option(names = "--session-id", paramLabel = "ID", description = "calls of this session")
    String sessionId;

    @Option(names = "--metadata", paramLabel = "KEY[:VALUE]", description = "calls whose metadata has KEY (with VALUE)")
    String metadata;

    @Option(names = "--model", paramLabel = "NAME", description = "calls for this model")
    String model;

    @Option(names = "--decision", paramLabel = "WORD", description = "allowed, flagged, blocked or rejected")
    String decision;

    @Option(names = "--entity-type", paramLabel = "TYPE", description = "calls that found this PII type (NIK...)")
    String entityType;

    @Option(names = "--rule-id", paramLabel = "ID", description = "calls where this rule matched (pii.SSN.block...)")
    String ruleId;

    AuditQuery.Builder query() {
        AuditQuery.Builder q = workspace == null ? AuditQuery.anyWorkspace() : AuditQuery.in(workspace);
        if (from != null) {
            q.from(instant("--from", from));
        }
        if (to != null) {
            q.to(instant("--to", to));
        }
        Optional.ofNullable(keyId).ifPresent(q::keyId);
        Optional.ofNullable(user).ifPresent(q::user);
        Optional.ofNullable(sessionId).ifPresent(q::sessionId);
        Optional.ofNullable(model).ifPresent(q::model);
        Optional.ofNullable(decision).ifPresent(q::decision);
        Optional.ofNullable(entityType).ifPresent(q::entityType);
        Optional.ofNullable(ruleId).ifPresent(q::ruleId);
        if (metadata != null) {
            int colon = metadata.indexOf(':');
            if (colon == 0 || metadata.isEmpty()) {
                throw new UsageProblem("--metadata must be KEY or KEY:VALUE");
            }
            q.metadata(
                    colon < 0 ? metadata : metadata.substring(0, colon),
                    colon < 0 ? Optional.empty() : Optional.of(metadata.substring(colon + 1)));
        }
        return q;
    }

    private static Instant instant(String flag, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageProblem(
                    flag + " must be an ISO-8601 UTC time such as 2026-03-05T08:00:00Z, got '" + value + "'");
        }
    }
}
