package io.monago.atrium.gateway.audit;

import java.util.Optional;

/**
 * What a call said and was told, kept beside its audit record only when the workspace opts in
 * ({@code audit.store_content}), and only in redacted form: the messages as forwarded to the
 * provider, after the workspace's PII policy replaced what it redacts with placeholders, and the
 * answer's text as governed for the caller, with placeholders where reversible redaction gives the
 * caller its own values back. Kept in its own table so the record itself stays small.
 *
 * <pre>{@code
 * store.findContent(auditId).join().ifPresent(c -> System.out.println(c.requestJson()));
 * }</pre>
 *
 * @param requestJson the {@code messages} array as forwarded, as JSON
 * @param responseText the text of the answer's choices (for a stream, the text delivered), empty
 *     when no answer came
 */
public record AuditContent(String requestJson, Optional<String> responseText) {}
