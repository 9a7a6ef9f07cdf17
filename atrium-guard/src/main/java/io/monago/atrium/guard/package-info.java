/**
 * Atrium's guard: detection of PII, secrets and prompt attacks, and redaction, as pure functions.
 */
package io.monago.atrium.guard;
