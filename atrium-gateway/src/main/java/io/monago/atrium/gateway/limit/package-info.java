/**
 * Rate limits and rupiah budgets: the filter that reserves a call's estimated tokens and cost
 * before the provider is called and settles them with the real usage once the answer (or the
 * stream) has ended, and the store that counts them.
 */
package io.monago.atrium.gateway.limit;
