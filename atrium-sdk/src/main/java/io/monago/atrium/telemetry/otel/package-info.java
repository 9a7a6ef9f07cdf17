/**
 * OpenTelemetry tracing of the SDK's calls ({@link io.monago.atrium.telemetry.otel.AtriumTracing}),
 * on the OpenTelemetry API only. The API is an optional dependency: this package is loaded only
 * when an application that has it creates an {@code AtriumTracing}.
 */
package io.monago.atrium.telemetry.otel;
