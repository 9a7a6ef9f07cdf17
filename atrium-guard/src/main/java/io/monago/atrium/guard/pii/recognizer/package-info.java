/**
 * How to add a recogniser: the interfaces a new one implements,
 * {@link io.monago.atrium.guard.pii.recognizer.DigitRecognizer} for numbers and
 * {@link io.monago.atrium.guard.pii.recognizer.TokenRecognizer} for letters-and-digits tokens, and
 * what the scanner hands them: the candidate
 * ({@link io.monago.atrium.guard.pii.recognizer.DigitWindow}), the context words around it
 * ({@link io.monago.atrium.guard.pii.recognizer.Context}) and what they return
 * ({@link io.monago.atrium.guard.pii.recognizer.Match}). Register one with
 * {@code PiiScanner.builder().addRecognizer(...)}; the checks in {@link io.monago.atrium.guard.pii.check}
 * help with structure and checksums.
 */
package io.monago.atrium.guard.pii.recognizer;
