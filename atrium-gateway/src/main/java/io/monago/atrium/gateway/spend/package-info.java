/**
 * Spend that survives a restart: at start, the calls of this month that the audit store recorded
 * are counted again into the in-memory limit store, so budgets, rules reading {@code usage} and the
 * current minute's rate limits go on where the previous process left them.
 */
package io.monago.atrium.gateway.spend;
