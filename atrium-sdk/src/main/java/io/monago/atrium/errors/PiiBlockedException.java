package io.monago.atrium.errors;

/**
 * Policy blocked the call because of PII in it (code {@code pii_blocked}).
 *
 * <pre>{@code
 * catch (PiiBlockedException e) {
 *     e.governance().piiRedacted();   // which entity types, e.g. [NIK]
 * }
 * }</pre>
 */
public class PiiBlockedException extends PolicyBlockedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public PiiBlockedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
