/**
 * Prometheus metrics of the gateway: what was called, how it was decided, how long the gateway and
 * the provider took, what it cost, and how the audit store and circuit breakers are doing. Labels
 * carry only bounded values (workspace ids, configured model and provider names, decision words,
 * error codes, entity types, incident categories), never a key, an audit id or any text of a call.
 * See {@code docs/observability.md}.
 */
package io.monago.atrium.gateway.metrics;
