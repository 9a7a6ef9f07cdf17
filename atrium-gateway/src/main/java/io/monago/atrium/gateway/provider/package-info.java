/**
 * Upstream providers (echo, any OpenAI-compatible endpoint, Anthropic's Messages API translated to
 * and from OpenAI's shapes): whole and streamed completions, never blocking the event loop.
 */
package io.monago.atrium.gateway.provider;
