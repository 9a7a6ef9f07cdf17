package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.category.IncidentCategory;

/**
 * A lexicon rule that matched, and where: word indexes into the normalised text ({@code end}
 * exclusive). Markers, which match the folded text rather than words, cover the word they start in.
 *
 * @param id the rule's id, e.g. {@code en.override.ignore_prior}
 * @param category what the rule is evidence for
 * @param weight the rule's weight
 * @param start the first matched word
 * @param end the index after the last matched word
 */
public record RuleHit(String id, IncidentCategory category, double weight, int start, int end) {}
