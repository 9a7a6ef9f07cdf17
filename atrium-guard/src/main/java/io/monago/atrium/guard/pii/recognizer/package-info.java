/**
 * The recognisers, one per entity type and candidate shape, and the interfaces a new one
 * implements: {@link io.monago.atrium.guard.pii.recognizer.DigitRecognizer} for numbers,
 * {@link io.monago.atrium.guard.pii.recognizer.TokenRecognizer} for letters-and-digits tokens. The
 * context words they consult are in {@link io.monago.atrium.guard.pii.recognizer.ContextWords}.
 */
package io.monago.atrium.guard.pii.recognizer;
