/**
 * Text as the scanner sees it: folded one character for one onto ASCII look-alikes, classified by
 * a table, and words packed into keys for a keyword table.
 */
package io.monago.atrium.guard.pii.text;
