/**
 * Internal: the toxicity lexicon, word normalisation, hashed features and the linear model behind
 * {@link io.monago.atrium.guard.toxicity.ToxicityClassifier}. Not exported from the module.
 */
package io.monago.atrium.guard.toxicity.model;
