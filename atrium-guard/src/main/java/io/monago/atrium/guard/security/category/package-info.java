/**
 * The kinds of attack the security analysis reports
 * ({@link io.monago.atrium.guard.security.category.IncidentCategory}), shared by the analyzer, the
 * lexicon, the learned model and the policy; this package depends on none of them.
 */
package io.monago.atrium.guard.security.category;
