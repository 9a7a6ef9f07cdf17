package io.monago.atrium.gateway.provider;

/**
 * An upstream call that did not produce an answer. Its message is shown to the caller, so it never
 * contains the upstream key or the request body.
 */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the call failed. */
    public enum Kind {
        /** The provider answered with an error or something that is not a completion. */
        FAILED,
        /** The provider did not answer in time. */
        TIMEOUT,
        /** The provider cannot do what was asked. */
        UNSUPPORTED
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind how it failed
     * @param message a sentence for the caller
     */
    public ProviderException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** {@return how the call failed} */
    public Kind kind() {
        return kind;
    }
}
