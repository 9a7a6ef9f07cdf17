package io.monago.atrium.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool call waiting for approval, as an {@link ApprovalHandler} sees it.
 *
 * @param runId the run's id
 * @param agent the agent whose model asked for the call
 * @param tool the tool's name
 * @param arguments the arguments after the runner's {@link ArgumentRedactor} (by default, long
 *     digit runs masked); the tool itself receives them unmasked
 */
public record ApprovalRequest(String runId, String agent, String tool, JsonNode arguments) {

    /**
     * Checks the parts and copies the arguments.
     *
     * @param runId id
     * @param agent agent
     * @param tool tool
     * @param arguments arguments
     */
    public ApprovalRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(tool, "tool");
        arguments = Objects.requireNonNull(arguments, "arguments").deepCopy();
    }

    /**
     * The arguments, a copy.
     *
     * @return the arguments
     */
    @Override
    public JsonNode arguments() {
        return arguments.deepCopy();
    }
}
