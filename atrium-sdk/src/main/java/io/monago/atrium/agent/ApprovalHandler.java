package io.monago.atrium.agent;

/**
 * Decides whether a tool call that requires approval may run. It is called on the thread that runs
 * the tool, and may block (to ask a person, say); it sees the arguments through the runner's
 * {@link ArgumentRedactor}.
 *
 * <pre>{@code
 * ApprovalHandler handler = req -> req.tool().equals("refund") && req.arguments().path("amount_idr").asLong() > 1_000_000
 *         ? ApprovalDecision.deny("refunds over Rp 1.000.000 need a supervisor")
 *         : ApprovalDecision.approve();
 * }</pre>
 *
 * <p>Without a handler, every call that requires approval is denied.
 */
@FunctionalInterface
public interface ApprovalHandler {

    /**
     * Decides.
     *
     * @param request the call
     * @return the decision
     */
    ApprovalDecision decide(ApprovalRequest request);
}
