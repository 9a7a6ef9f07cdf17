/**
 * The audit trail: the outermost filter, which freezes each call's verdict and writes its record
 * before the answer leaves, and the hash-chained store the records go to.
 */
package io.monago.atrium.gateway.audit;
