package io.monago.atrium.gateway.audit;

import java.util.concurrent.CompletableFuture;

/**
 * A record queued for a store's writer, and the future its caller waits on until it is durable.
 *
 * @param entry the record
 * @param done completed once the record is committed, or failed when it cannot be
 */
record PendingAppend(AuditEntry entry, CompletableFuture<Void> done) {}
