/**
 * Tools a model may call: {@link io.monago.atrium.tool.Tool}-annotated methods or lambdas with a
 * schema, their JSON Schema derived from Java types, their arguments checked before they run, and
 * every failure returned to the model as a {@link io.monago.atrium.tool.ToolResult}. See
 * docs/agents.md.
 */
package io.monago.atrium.tool;
