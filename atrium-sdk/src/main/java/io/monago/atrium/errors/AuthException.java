package io.monago.atrium.errors;

/**
 * The API key was missing, unknown or not allowed: a 401 or 403 from the gateway, or no key
 * configured when the client was built.
 *
 * <pre>{@code
 * catch (AuthException e) {
 *     System.err.println("check ATRIUM_API_KEY: " + e.getMessage());
 * }
 * }</pre>
 */
public class AuthException extends AtriumException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public AuthException(String message, ErrorResponse response) {
        super(message, response);
    }

    /**
     * Creates the exception for a key problem found before any call.
     *
     * @param message what is wrong and how to fix it
     */
    public AuthException(String message) {
        super(message, null);
    }
}
