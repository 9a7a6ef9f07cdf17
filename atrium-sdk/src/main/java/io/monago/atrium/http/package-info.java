/**
 * The client's HTTP pipeline as users extend it: {@link io.monago.atrium.http.Interceptor}s see each
 * {@link io.monago.atrium.http.AtriumRequest} and {@link io.monago.atrium.http.AtriumResponse}, and may
 * change them or answer themselves.
 */
package io.monago.atrium.http;
