/**
 * Watching calls: {@link io.monago.atrium.telemetry.CallTelemetry} sees each call and each of its
 * tries, and {@link io.monago.atrium.telemetry.CallSummary} reads what a call was and what the
 * gateway said of it (ids, names, counts and decision words, never message text). Implementations:
 * OpenTelemetry tracing ({@code telemetry.otel}) and a Micrometer binder
 * ({@code telemetry.micrometer}), each loaded only when the application uses it, so an application
 * without OpenTelemetry or Micrometer runs the SDK on Jackson alone.
 */
package io.monago.atrium.telemetry;
