package io.monago.atrium.protocol;

import java.util.List;

/**
 * Request metadata keys an agent run puts on every model call it makes, so the audit records of one
 * run can be found together ({@code GET /audit?metadata_key=atrium_run_id&metadata_value=...}) and
 * read in order. Four keys, well inside the sixteen the protocol allows (docs/protocol.md §2); each
 * value is cut to the protocol's 512 characters.
 *
 * <pre>{@code
 * AuditPage page = client.audit().list(AuditListParams.builder()
 *         .metadata(AgentMetadata.RUN_ID, result.runId()).build());
 * }</pre>
 */
public final class AgentMetadata {

    /** The run's id, the same on every call of the run and of the agents it hands work to. */
    public static final String RUN_ID = "atrium_run_id";
    /** The call's step number in the run, from 1, in the order the calls were made. */
    public static final String STEP = "atrium_step";
    /** The name of the agent that made the call. */
    public static final String AGENT = "atrium_agent";
    /** Comma list of the tools whose results the call carries back to the model; absent when none. */
    public static final String TOOLS = "atrium_tools";

    /** The keys, in the order above. */
    public static final List<String> KEYS = List.of(RUN_ID, STEP, AGENT, TOOLS);

    private AgentMetadata() {}
}
