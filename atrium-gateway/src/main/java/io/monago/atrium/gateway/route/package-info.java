/**
 * Routing: model names to providers (globs, first match wins), and the filter that picks the
 * route and rewrites the model the provider is asked for.
 */
package io.monago.atrium.gateway.route;
