/**
 * The single pass behind {@link io.monago.atrium.guard.pii.PiiScanner}: character classes, words and
 * context, number runs and their windows, anchors, and the one overlap rule. Internal.
 */
package io.monago.atrium.guard.pii.scan;
