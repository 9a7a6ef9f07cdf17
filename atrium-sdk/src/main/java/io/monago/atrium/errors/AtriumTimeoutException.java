package io.monago.atrium.errors;

/**
 * The call did not complete within the configured timeout (per attempt), after the client's
 * retries were spent. {@link #response()} is empty.
 *
 * <pre>{@code
 * catch (AtriumTimeoutException e) {
 *     // raise Atrium.builder().timeout(...) or RequestOptions.timeout(...)
 * }
 * }</pre>
 */
public class AtriumTimeoutException extends AtriumException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public AtriumTimeoutException(String message, ErrorResponse response) {
        super(message, response);
    }

    /**
     * Creates the exception for a failure with no gateway answer.
     *
     * @param message the message
     * @param cause the underlying failure
     */
    public AtriumTimeoutException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
