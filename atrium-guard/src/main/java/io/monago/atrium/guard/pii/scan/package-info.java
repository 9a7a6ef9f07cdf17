/**
 * The single pass behind {@link io.monago.atrium.guard.pii.PiiScanner}: character classes, words and
 * context, number runs and their windows, anchors, names given by the text's structure (a line
 * pass after the main one), and the one overlap rule. Internal.
 */
package io.monago.atrium.guard.pii.scan;
