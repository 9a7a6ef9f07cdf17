/**
 * The Atrium gateway: an OpenAI-compatible endpoint that governs every chat call. Gateway starts
 * it from a configuration and wires the filter chain (ChatChain) that each call walks through;
 * see docs/architecture.md.
 */
package io.monago.atrium.gateway;
