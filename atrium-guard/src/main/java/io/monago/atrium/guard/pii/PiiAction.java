package io.monago.atrium.guard.pii;

/** What to do with a finding of a given entity type. */
public enum PiiAction {
    /** Replace the value before the text leaves (placeholder, mask, hash or removal). */
    REDACT,
    /** Refuse the request: {@code 400 pii_blocked}. */
    BLOCK,
    /** Forward the value unchanged, but record it and mark the decision {@code flagged}. */
    FLAG,
    /** Forward the value unchanged and take no action. */
    ALLOW
}
