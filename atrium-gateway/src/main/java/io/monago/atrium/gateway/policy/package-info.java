/**
 * The policy decision: the filter that applies a workspace's policy to what inspection found, and
 * allows, flags or blocks the call.
 */
package io.monago.atrium.gateway.policy;
