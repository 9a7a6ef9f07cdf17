package io.monago.atrium.gateway.upstream;

import io.monago.atrium.gateway.provider.ProviderException;

/**
 * What a failed try says about its provider and about the request, in one place: whether it is
 * tried again on the same provider, whether it counts against the provider's circuit breaker, and
 * whether the call moves on to the next model of its fallback chain.
 */
enum TryFailure {

    /** No connection, a broken answer, 408, 429 or 5xx: the provider is unwell now; a retry may cure it. */
    TRANSIENT(true, true, true),

    /**
     * No answer in time: the provider is unwell, but a retry would double the caller's wait, so the
     * next model is tried instead.
     */
    TIMEOUT(false, true, true),

    /** The provider refused the request as malformed or too large (400, 413, 422): every provider would. */
    BAD_REQUEST(false, false, false),

    /** The provider answered with another refusal (401, 403, 404...): it is up; another model may serve. */
    REFUSED(false, false, true),

    /** The provider was never called: it cannot stream, or cannot express the request. */
    NOT_SENT(false, false, true),

    /** Anything else: counted against the provider, not retried. */
    UNKNOWN(false, true, true);

    /** Whether the same provider is tried again. */
    final boolean retried;

    /** Whether it counts against the provider's circuit breaker. */
    final boolean unwell;

    /** Whether the call moves on to the next model. */
    final boolean fallsBack;

    TryFailure(boolean retried, boolean unwell, boolean fallsBack) {
        this.retried = retried;
        this.unwell = unwell;
        this.fallsBack = fallsBack;
    }

    /**
     * Classifies a failed try.
     *
     * @param cause why the try failed
     * @return its class
     */
    static TryFailure of(Throwable cause) {
        if (!(cause instanceof ProviderException pe)) {
            return UNKNOWN;
        }
        return switch (pe.kind()) {
            case TIMEOUT -> TIMEOUT;
            case UNSUPPORTED, INVALID_REQUEST -> NOT_SENT;
            case FAILED -> {
                if (pe.status().isEmpty()) {
                    yield TRANSIENT; // no answer at all, or one that could not be read
                }
                int status = pe.status().getAsInt();
                if (status == 408 || status == 429 || status >= 500) {
                    yield TRANSIENT;
                }
                yield status == 400 || status == 413 || status == 422 ? BAD_REQUEST : REFUSED;
            }
        };
    }
}
