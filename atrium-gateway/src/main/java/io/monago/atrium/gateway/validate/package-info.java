/**
 * Validation: the filter that checks the body's size and shape against the protocol, parses it
 * once and reads the caller's audit tags.
 */
package io.monago.atrium.gateway.validate;
