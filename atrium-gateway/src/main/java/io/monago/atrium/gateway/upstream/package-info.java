/**
 * The end of the chain: the provider call, whole or streamed, with provider failures mapped to
 * the protocol's upstream errors.
 */
package io.monago.atrium.gateway.upstream;
