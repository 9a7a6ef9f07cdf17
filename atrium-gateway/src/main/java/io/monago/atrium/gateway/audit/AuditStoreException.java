package io.monago.atrium.gateway.audit;

/** The audit store could not do what was asked. */
public final class AuditStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the cause, may be null
     */
    public AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
