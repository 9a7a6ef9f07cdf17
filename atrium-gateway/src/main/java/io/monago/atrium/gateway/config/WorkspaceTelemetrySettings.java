package io.monago.atrium.gateway.config;

/**
 * What a workspace's traces may carry beyond ids, names and numbers.
 *
 * <pre>{@code
 * workspaces:
 *   - id: clinic
 *     telemetry:
 *       content: true   # the redacted prompt and answer on each call's server span
 * }</pre>
 *
 * @param content whether each call's server span carries the messages as forwarded and the answer
 *     as sent, both redacted as the audit's content table keeps them ({@code gen_ai.input.messages},
 *     {@code gen_ai.output.messages}); default {@code false}: no text in any span
 */
public record WorkspaceTelemetrySettings(boolean content) {

    /** No content in spans, the default. */
    public static final WorkspaceTelemetrySettings NONE = new WorkspaceTelemetrySettings(false);
}
