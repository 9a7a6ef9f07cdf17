/**
 * Redaction: the filter that replaces PII in the request with placeholders and, on the way back,
 * redacts the PII the model wrote and restores the caller's own values in reversible mode. Its
 * session never leaves the filter.
 */
package io.monago.atrium.gateway.redact;
