/**
 * Toxicity classification of English and Indonesian text: {@link
 * io.monago.atrium.guard.toxicity.ToxicityClassifier} gives a probability and the {@link
 * io.monago.atrium.guard.toxicity.category.ToxicityCategory categories} of the terms found. The lexicon and
 * model live in the internal {@code model} package; docs/guard.md names the training data, its
 * licences and the measured rates.
 */
package io.monago.atrium.guard.toxicity;
