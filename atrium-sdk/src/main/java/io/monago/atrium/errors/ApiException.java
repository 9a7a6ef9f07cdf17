package io.monago.atrium.errors;

/**
 * The gateway or its provider failed (5xx), the answer could not be read (a 200 whose body is not
 * the expected JSON), or the network failed before any answer (then {@link #getCause()} is the
 * {@link java.io.IOException} and {@link #statusCode()} is 0).
 *
 * <pre>{@code
 * catch (ApiException e) {
 *     if (e.statusCode() == 0) {
 *         System.err.println("network failure: " + e.getCause());
 *     }
 * }
 * }</pre>
 */
public class ApiException extends AtriumException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public ApiException(String message, ErrorResponse response) {
        super(message, response);
    }

    /**
     * Creates the exception for a failure with no gateway answer.
     *
     * @param message the message
     * @param cause the underlying failure
     */
    public ApiException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /**
     * Creates the exception for an answer that could not be used.
     *
     * @param message the message
     * @param response the gateway's answer
     * @param cause why it could not be used
     */
    public ApiException(String message, ErrorResponse response, Throwable cause) {
        super(message, response, cause);
    }
}
