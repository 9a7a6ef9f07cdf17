/**
 * Redis for several gateway instances: atomic Lua scripts run through the Vert.x Redis client,
 * shared by the limit store and the idempotency store.
 */
package io.monago.atrium.gateway.redis;
