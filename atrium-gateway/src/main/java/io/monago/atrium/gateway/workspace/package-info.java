/**
 * Workspaces: each one's compiled policy (model allow-list, PII and security actions, redaction
 * mode) and the model-name globs they use.
 */
package io.monago.atrium.gateway.workspace;
