package io.monago.atrium.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link ApprovalHandler} decided. A denial reaches the model as the tool's result, with
 * the reason, so it can answer without the tool.
 *
 * <pre>{@code
 * return request.tool().equals("order_lab") ? ApprovalDecision.deny("a doctor must order labs") : ApprovalDecision.approve();
 * }</pre>
 *
 * @param approved whether the call may run
 * @param reason why it was denied, or empty
 */
public record ApprovalDecision(boolean approved, Optional<String> reason) {

    /**
     * Checks the parts.
     *
     * @param approved approved
     * @param reason reason
     */
    public ApprovalDecision {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Lets the call run.
     *
     * @return the decision
     */
    public static ApprovalDecision approve() {
        return new ApprovalDecision(true, Optional.empty());
    }

    /**
     * Refuses the call.
     *
     * @param reason why, for the model and the transcript; no personal data
     * @return the decision
     */
    public static ApprovalDecision deny(String reason) {
        return new ApprovalDecision(false, Optional.of(Objects.requireNonNull(reason, "reason")));
    }
}
