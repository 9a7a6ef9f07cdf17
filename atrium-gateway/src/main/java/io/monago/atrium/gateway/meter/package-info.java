/**
 * Metering: the filter that takes the provider's usage (or counts tokens) and prices a call in
 * rupiah.
 */
package io.monago.atrium.gateway.meter;
