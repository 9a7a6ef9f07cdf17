/**
 * OpenTelemetry tracing of the gateway, off unless {@code telemetry.otlp_endpoint} is set: a server
 * span per call that continues the caller's W3C trace, a child span per filter that does real work
 * and a GenAI client span for the provider call, exported over OTLP/HTTP. Spans carry ids, counts,
 * configured names and decision words; never message text, a detected value or a key. See
 * {@code docs/observability.md}.
 */
package io.monago.atrium.gateway.telemetry;
