package io.monago.atrium.agent;

import io.monago.atrium.Governance;
import io.monago.atrium.tool.ToolResult;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a run's transcript: a model call with its governance, a tool call with how it ended,
 * or a handoff from one agent to another.
 *
 * <pre>{@code
 * for (RunStep s : result.transcript().steps()) {
 *     System.out.println(s.step() + " " + s.kind() + " " + s.agent() + " " + s.tool().orElse("")
 *             + " " + s.governance().auditId().orElse("-"));
 * }
 * }</pre>
 *
 * @param step the number of the model call this step belongs to: a model call's own number, or for
 *     a tool call or handoff the number of the call that asked for it
 * @param agent the agent's name
 * @param kind what happened
 * @param tool the tool's name (the target agent's for a handoff), or empty for a model call
 * @param governance what the gateway did with a model call (audit id, decision, PII redacted,
 *     incidents, cost); empty for tool calls and handoffs, which run here and reach the gateway as
 *     {@code tool} messages of the next call
 * @param totalTokens the tokens of a model call, 0 for other steps
 * @param toolStatus how a tool call ended, or empty for other steps
 */
public record RunStep(
        int step,
        String agent,
        Kind kind,
        Optional<String> tool,
        Governance governance,
        long totalTokens,
        Optional<ToolResult.Status> toolStatus) {

    /** What a step was. */
    public enum Kind {
        /** A call to the model through the gateway. */
        MODEL_CALL,
        /** A tool the model asked for, run here. */
        TOOL_CALL,
        /** The conversation passed to another agent. */
        HANDOFF
    }

    /**
     * Checks the parts.
     *
     * @param step number
     * @param agent agent
     * @param kind kind
     * @param tool tool
     * @param governance governance
     * @param totalTokens tokens
     * @param toolStatus tool status
     */
    public RunStep {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(toolStatus, "toolStatus");
    }

    /**
     * The audit id of a model call.
     *
     * @return the id, or empty for other steps or when the gateway sent none
     */
    public Optional<String> auditId() {
        return governance.auditId();
    }
}
