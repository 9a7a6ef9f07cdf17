/**
 * Policy rules: a workspace's ordered list of conditions written in CEL, each with an action. The
 * conditions are compiled and type-checked against the declared variables when the policy loads,
 * and evaluated under a cost limit, so no rule can fail at run time for a typo or stall a call.
 * Nothing here reads the exchange: the policy filter gathers the variables and applies the outcome.
 */
package io.monago.atrium.gateway.rules;
