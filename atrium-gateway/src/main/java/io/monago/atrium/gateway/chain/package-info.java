/**
 * The filter chain every chat call walks through: a filter's request half continues, answers
 * locally or rejects; answer halves run in reverse on whole or chunked answers; the provider call
 * ends the chain. Knows no filter; every filter builds on it.
 */
package io.monago.atrium.gateway.chain;
