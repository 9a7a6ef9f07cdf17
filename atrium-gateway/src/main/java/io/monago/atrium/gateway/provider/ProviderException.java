package io.monago.atrium.gateway.provider;

import java.util.OptionalInt;

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
        UNSUPPORTED,
        /**
         * The request asks for something this provider cannot express (a parameter or content part
         * it has no equivalent for); the caller can change it. Nothing was sent upstream.
         */
        INVALID_REQUEST
    }

    private final Kind kind;
    private final int status;

    /**
     * Creates the exception.
     *
     * @param kind how it failed
     * @param message a sentence for the caller
     */
    public ProviderException(Kind kind, String message) {
        this(kind, message, 0);
    }

    /**
     * Creates the exception for an error answer.
     *
     * @param kind how it failed
     * @param message a sentence for the caller
     * @param status the HTTP status the provider answered, 0 when it answered none
     */
    public ProviderException(Kind kind, String message, int status) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    /** {@return the HTTP status the provider answered, if it answered one} */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** {@return how the call failed} */
    public Kind kind() {
        return kind;
    }
}
