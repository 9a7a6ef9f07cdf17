/**
 * The Atrium wire protocol's names and limits, in one place.
 *
 * <p>Header names, error codes, decision words and request limits are defined here once; the SDK
 * parses with them and the gateway renders with them, so the two sides cannot drift apart.
 * See {@code docs/protocol.md} for the contract these constants encode.
 */
package io.monago.atrium.protocol;
