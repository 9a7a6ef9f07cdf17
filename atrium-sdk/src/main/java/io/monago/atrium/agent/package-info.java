/**
 * Agents and their orchestration: an {@link io.monago.atrium.agent.Agent} with tools, skills,
 * handoffs and a typed output; {@link io.monago.atrium.agent.Flows} to compose agents; a
 * {@link io.monago.atrium.agent.Runner} that runs the tool loop under limits, with every model
 * call tagged for the audit trail and every step in a {@link io.monago.atrium.agent.Transcript}.
 * See docs/agents.md.
 */
package io.monago.atrium.agent;
