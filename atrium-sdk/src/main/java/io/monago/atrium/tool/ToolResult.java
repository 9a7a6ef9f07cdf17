package io.monago.atrium.tool;

import java.util.Objects;

/**
 * What a tool call produced, as sent back to the model in a {@code tool} message. A failure (bad
 * arguments, the tool threw, approval denied) is a result too, so the model can read it and try
 * again or answer without the tool.
 *
 * <pre>{@code
 * ToolResult r = tool.invoke("{\"mrn\": \"RM-0042\"}");
 * if (r.failed()) { ... }
 * }</pre>
 *
 * @param content the text sent to the model
 * @param status how the call ended
 */
public record ToolResult(String content, Status status) {

    /** How a tool call ended. */
    public enum Status {
        /** The tool ran and returned. */
        OK,
        /** The arguments did not fit the tool's schema; the tool did not run. */
        INVALID_ARGUMENTS,
        /** The tool threw. */
        FAILED,
        /** The approval handler refused the call; the tool did not run. */
        DENIED,
        /** The model asked for a tool the agent does not have. */
        UNKNOWN_TOOL
    }

    /**
     * Checks the parts.
     *
     * @param content the text
     * @param status the status
     */
    public ToolResult {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Whether the call did not produce a result of the tool.
     *
     * @return true for every status but {@link Status#OK}
     */
    public boolean failed() {
        return status != Status.OK;
    }
}
