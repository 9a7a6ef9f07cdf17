/**
 * What the PII scanner reports: the kinds of personal data and secrets
 * ({@link io.monago.atrium.guard.pii.entity.EntityType}) and one found in a text
 * ({@link io.monago.atrium.guard.pii.entity.PiiFinding}). The scanner, its recognisers and the
 * policy all speak these types; this package depends on none of them.
 */
package io.monago.atrium.guard.pii.entity;
