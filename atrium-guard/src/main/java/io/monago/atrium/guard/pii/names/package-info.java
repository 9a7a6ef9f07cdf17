/**
 * Word lists and word shapes for person names and addresses: the name gazetteer, Indonesia's
 * region names, common words that are also names, and the titles, labels and address keywords
 * around them, and the keys of structured data that name a person. Internal to the guard; the lists are resources of this package.
 */
package io.monago.atrium.guard.pii.names;
