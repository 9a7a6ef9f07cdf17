/**
 * HTTP glue on Vert.x: routes, the bounded body reader, and handlers that hand a chat call to the
 * filter chain and write what comes back; the models, audit, health and readiness endpoints; the
 * protocol's error for every request that cannot be decoded or routed; and the guards on the
 * connections themselves (how many are open, how long a request head may take).
 */
package io.monago.atrium.gateway.http;
