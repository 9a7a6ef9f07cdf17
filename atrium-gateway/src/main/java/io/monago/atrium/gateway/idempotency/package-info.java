/**
 * Idempotency-Key handling: the filter that answers a retried call with its first answer (a local
 * reply), and the cache of keys and answers.
 */
package io.monago.atrium.gateway.idempotency;
