/**
 * The categories of toxic language the toxicity classifier names ({@link
 * io.monago.atrium.guard.toxicity.category.ToxicityCategory}), shared by the public classifier and
 * its internal lexicon.
 */
package io.monago.atrium.guard.toxicity.category;
