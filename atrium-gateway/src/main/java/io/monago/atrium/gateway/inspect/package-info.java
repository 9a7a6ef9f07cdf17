/**
 * Input inspection: the filter that runs the guard's PII scanner and security analyzer over every
 * text the model would see. It finds; it decides nothing.
 */
package io.monago.atrium.gateway.inspect;
