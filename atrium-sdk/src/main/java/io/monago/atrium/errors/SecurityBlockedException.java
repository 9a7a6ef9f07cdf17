package io.monago.atrium.errors;

/**
 * Policy blocked the call as a security incident: prompt injection, jailbreak or secret
 * exfiltration (code {@code security_block}).
 *
 * <pre>{@code
 * catch (SecurityBlockedException e) {
 *     e.governance().securityIncidents();   // e.g. [prompt_injection]
 * }
 * }</pre>
 */
public class SecurityBlockedException extends PolicyBlockedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public SecurityBlockedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
