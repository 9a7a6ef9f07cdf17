/**
 * Redaction and restoration: {@link io.monago.atrium.guard.redact.RedactionSession} replaces
 * findings (placeholder, mask, salted hash, removal) for one request and restores placeholders in
 * the answer; {@link io.monago.atrium.guard.redact.PiiRedactor} scans, decides and redacts a whole
 * request or answer in one call.
 */
package io.monago.atrium.guard.redact;
