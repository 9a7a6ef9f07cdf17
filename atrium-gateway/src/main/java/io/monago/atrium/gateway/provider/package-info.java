/**
 * Upstream providers (echo, any OpenAI-compatible endpoint): whole and streamed completions,
 * never blocking the event loop.
 */
package io.monago.atrium.gateway.provider;
