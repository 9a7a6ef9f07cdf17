/**
 * Micrometer meters of the SDK's calls ({@link io.monago.atrium.telemetry.micrometer.AtriumMetrics}).
 * Micrometer is an optional dependency: this package is loaded only when an application that has
 * it creates an {@code AtriumMetrics}.
 */
package io.monago.atrium.telemetry.micrometer;
