/**
 * Skills: named bundles of instructions, tools and resources, built in Java or loaded from Agent
 * Skills folders ({@code SKILL.md} with front matter), disclosed to the model only when it selects
 * them. See docs/agents.md.
 */
package io.monago.atrium.skill;
