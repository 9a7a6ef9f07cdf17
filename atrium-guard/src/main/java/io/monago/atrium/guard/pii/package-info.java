/**
 * Personal data and secrets: {@link io.monago.atrium.guard.pii.PiiScanner} finds them,
 * {@link io.monago.atrium.guard.pii.PiiPolicy} decides per entity type what to do with them
 * ({@link io.monago.atrium.guard.pii.PiiVerdict}), and {@link io.monago.atrium.guard.pii.PiiSummary}
 * counts them for headers and the audit record. What the scanner reports, the entity types and
 * the findings, is in {@link io.monago.atrium.guard.pii.entity}; redaction lives in
 * {@link io.monago.atrium.guard.redact}.
 */
package io.monago.atrium.guard.pii;
