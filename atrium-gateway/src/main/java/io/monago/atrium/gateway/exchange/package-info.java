/**
 * One call's state and the values it carries between filters: the request as it arrived, the
 * caller, the route, what inspection found and policy decided, and the frozen verdict that
 * headers and audit record are rendered from. Imports no filter.
 */
package io.monago.atrium.gateway.exchange;
