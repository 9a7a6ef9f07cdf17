package io.monago.atrium.protocol;

/**
 * The span attribute names Atrium's traces use, on the SDK's client spans and the gateway's spans
 * alike: the OpenTelemetry GenAI semantic conventions where they have a name, and Atrium's own
 * {@code atrium.*} names for governance. No attribute ever holds message text, a detected value or
 * a key; the values are ids, configured names, counts and fixed words.
 *
 * <pre>{@code
 * span.setAttribute(TraceAttributes.GEN_AI_OPERATION_NAME, TraceAttributes.OPERATION_CHAT);
 * span.setAttribute(TraceAttributes.AUDIT_ID, auditId);
 * }</pre>
 */
public final class TraceAttributes {

    private TraceAttributes() {}

    /** The operation; Atrium's calls are {@value #OPERATION_CHAT}. */
    public static final String GEN_AI_OPERATION_NAME = "gen_ai.operation.name";
    /** The word for a chat completion. */
    public static final String OPERATION_CHAT = "chat";
    /** {@value}: the operation of an agent run's span. */
    public static final String OPERATION_INVOKE_AGENT = "invoke_agent";
    /** {@value}: the name of the agent or flow a run's span runs. */
    public static final String GEN_AI_AGENT_NAME = "gen_ai.agent.name";
    /** {@value}: the messages as forwarded, redacted; only when a workspace opts in. */
    public static final String GEN_AI_INPUT_MESSAGES = "gen_ai.input.messages";
    /** {@value}: the answer as sent, redacted; only when a workspace opts in. */
    public static final String GEN_AI_OUTPUT_MESSAGES = "gen_ai.output.messages";
    /** {@value}: the name of the span around an evaluated call. */
    public static final String EVALUATE_SPAN = "atrium.evaluate";
    /** {@value}: the prefix of an evaluator's score on that span ({@code atrium.eval.polite}). */
    public static final String EVAL_SCORE_PREFIX = "atrium.eval.";
    /** {@value}: the run id an agent run's calls carry in their metadata. */
    public static final String RUN_ID = "atrium.run_id";
    /** Who answers: {@code atrium} from the SDK, the configured provider's name from the gateway. */
    public static final String GEN_AI_PROVIDER_NAME = "gen_ai.provider.name";
    /** The model asked for. */
    public static final String GEN_AI_REQUEST_MODEL = "gen_ai.request.model";
    /** The model that answered. */
    public static final String GEN_AI_RESPONSE_MODEL = "gen_ai.response.model";
    /** Input (prompt) tokens. */
    public static final String GEN_AI_USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
    /** Output (completion) tokens. */
    public static final String GEN_AI_USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    /** Why each choice stopped, as the wire's {@code finish_reason} words. */
    public static final String GEN_AI_RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";
    /** The answer's id as the provider gave it ({@code chatcmpl-...}). */
    public static final String GEN_AI_RESPONSE_ID = "gen_ai.response.id";
    /** The {@code max_tokens} asked for. */
    public static final String GEN_AI_REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";
    /** The class of error a failed call ended with: the protocol's error code, or an HTTP status. */
    public static final String ERROR_TYPE = "error.type";
    /** The HTTP status of the answer. */
    public static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
    /** Which try this span is, from 1 (the SDK's attempt spans). */
    public static final String HTTP_REQUEST_RESEND_COUNT = "http.request.resend_count";

    /** The call's audit id ({@code X-Monago-Audit-Id}). */
    public static final String AUDIT_ID = "atrium.audit_id";
    /** The policy decision word ({@code allowed}, {@code flagged}, {@code blocked}, {@code rejected}). */
    public static final String DECISION = "atrium.policy.decision";
    /** The entity types redacted or withheld, never their values. */
    public static final String PII_REDACTED = "atrium.pii.redacted";
    /** Whether PII was found. */
    public static final String PII_DETECTED = "atrium.pii.detected";
    /** The security incident categories found. */
    public static final String SECURITY_INCIDENTS = "atrium.security.incidents";
    /** The cost in rupiah. */
    public static final String COST_IDR = "atrium.cost_idr";
    /** The workspace id. */
    public static final String WORKSPACE = "atrium.workspace";
    /** How many tries the gateway made at providers. */
    public static final String ATTEMPTS = "atrium.attempts";
    /** What one try at a provider came to ({@code answered}, {@code failed}, {@code timed_out}...). */
    public static final String ATTEMPT_OUTCOME = "atrium.attempt.outcome";
    /** Whether the answer was streamed. */
    public static final String STREAM = "atrium.stream";
}
