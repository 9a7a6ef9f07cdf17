package io.monago.atrium.gateway;

/** The gateway could not start; the message says why in the operator's terms. */
public final class GatewayStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the cause
     */
    public GatewayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
