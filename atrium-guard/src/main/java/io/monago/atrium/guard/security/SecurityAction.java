package io.monago.atrium.guard.security;

/**
 * What a {@link SecurityPolicy} does with a category whose score reaches its threshold.
 */
public enum SecurityAction {
    /** Refuse the request (the gateway answers 400 {@code security_block}). */
    BLOCK,
    /** Forward the request, but mark the decision {@code flagged} and report the incident. */
    FLAG,
    /** Ignore the category. */
    OFF
}
