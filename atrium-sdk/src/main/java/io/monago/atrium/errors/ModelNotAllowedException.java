package io.monago.atrium.errors;

/**
 * The model is not permitted for this key or workspace (code {@code model_not_allowed}).
 *
 * <pre>{@code
 * catch (ModelNotAllowedException e) {
 *     client.models().list();   // the models this key may use
 * }
 * }</pre>
 */
public class ModelNotAllowedException extends PolicyBlockedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public ModelNotAllowedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
