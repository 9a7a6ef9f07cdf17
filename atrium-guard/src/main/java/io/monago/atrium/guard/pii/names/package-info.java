/**
 * Word lists and word shapes for person names and addresses: the name gazetteer, Indonesia's
 * region names, common words that are also names, and the titles, labels and address keywords
 * around them. Internal to the guard; the lists are resources of this package.
 */
package io.monago.atrium.guard.pii.names;
