/**
 * Model access: the filter that refuses a model the caller's workspace or key may not use
 * (model_not_allowed).
 */
package io.monago.atrium.gateway.access;
