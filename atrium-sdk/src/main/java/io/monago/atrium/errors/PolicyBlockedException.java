package io.monago.atrium.errors;

/**
 * Policy blocked the call (docs/protocol.md §4). Thrown as itself for a rule that is not about PII,
 * security or the model; the three subclasses name those cases. Every block carries the audit id,
 * the block reason and decision {@code blocked}.
 *
 * <pre>{@code
 * catch (PolicyBlockedException e) {
 *     System.out.println(e.blockReason().orElse("blocked") + " audit=" + e.auditId().orElse("-"));
 * }
 * }</pre>
 */
public class PolicyBlockedException extends AtriumException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public PolicyBlockedException(String message, ErrorResponse response) {
        super(message, response);
    }
}
