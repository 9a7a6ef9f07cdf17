/**
 * HTTP glue on Vert.x: routes, the bounded body reader, and handlers that hand a chat call to the
 * filter chain and write what comes back; the models, audit, health and readiness endpoints.
 */
package io.monago.atrium.gateway.http;
