package io.monago.atrium.guard.security.lexicon;

import io.monago.atrium.guard.security.category.IncidentCategory;

/**
 * A literal that needs its punctuation to mean anything, such as the chat-template token
 * {@code <|im_start|>}: matched as a substring of the folded text.
 */
record Marker(String id, IncidentCategory category, double weight, String literal) {}
