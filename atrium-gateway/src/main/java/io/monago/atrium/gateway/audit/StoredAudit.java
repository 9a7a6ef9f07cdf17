package io.monago.atrium.gateway.audit;

import java.util.Optional;

/**
 * A record as read back, with what access control needs beside its JSON.
 *
 * @param auditId its id
 * @param workspaceId the workspace it belongs to
 * @param keyId the key that made the call, if it was known
 * @param json the record as JSON (docs/protocol.md §6), hashes included
 */
public record StoredAudit(String auditId, String workspaceId, Optional<String> keyId, String json) {}
