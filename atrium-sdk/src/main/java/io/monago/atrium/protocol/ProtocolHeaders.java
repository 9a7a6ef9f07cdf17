package io.monago.atrium.protocol;

import java.util.List;

/**
 * HTTP header names of the Atrium protocol (docs/protocol.md §2–§4).
 *
 * <p>Names are case-insensitive on the wire; these are the spellings the gateway emits.
 *
 * <pre>{@code
 * String auditId = response.headers().firstValue(ProtocolHeaders.AUDIT_ID).orElse(null);
 * }</pre>
 */
public final class ProtocolHeaders {

    /** Opaque id of the call's audit record. */
    public static final String AUDIT_ID = "X-Monago-Audit-Id";
    /** {@code true} when PII was found in the request or the answer. */
    public static final String PII_DETECTED = "X-Monago-Pii-Detected";
    /** Comma list of the PII entity types that were redacted. */
    public static final String PII_REDACTED = "X-Monago-Pii-Redacted";
    /** {@code allowed}, {@code flagged} or {@code blocked}; see {@link PolicyDecision}. */
    public static final String POLICY_DECISION = "X-Monago-Policy-Decision";
    /** The provider that answered, e.g. {@code openai} or {@code echo}. */
    public static final String PROVIDER = "X-Monago-Provider";
    /** Milliseconds spent in the gateway, upstream call included. */
    public static final String LATENCY_MS = "X-Monago-Latency-Ms";
    /** Cost of the call in Indonesian rupiah. */
    public static final String COST_IDR = "X-Monago-Cost-Idr";
    /** Comma list of security incident categories, e.g. {@code prompt_injection}. */
    public static final String SECURITY_INCIDENT = "X-Monago-Security-Incident";
    /** Human sentence saying why a call was blocked. */
    public static final String BLOCK_REASON = "X-Monago-Block-Reason";

    /** The nine governance headers, in the order docs/protocol.md §3 lists them. */
    public static final List<String> GOVERNANCE = List.of(
            AUDIT_ID,
            PII_DETECTED,
            PII_REDACTED,
            POLICY_DECISION,
            PROVIDER,
            LATENCY_MS,
            COST_IDR,
            SECURITY_INCIDENT,
            BLOCK_REASON);

    /** Request header: the end user's id, for callers that cannot set the body's {@code user}. */
    public static final String USER_ID = "X-Monago-User-Id";
    /** Request header: the session id, stored as metadata {@code session_id}. */
    public static final String SESSION_ID = "X-Monago-Session-Id";
    /** Request header: a JSON object of string metadata (UTF-8, at most 4 KiB). */
    public static final String METADATA = "X-Monago-Metadata";

    /** Request header: the same key on a retried request makes the gateway bill and audit once. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** W3C trace context parent header. */
    public static final String TRACEPARENT = "traceparent";
    /** W3C trace context state header. */
    public static final String TRACESTATE = "tracestate";

    /** Response header: seconds (or an HTTP date) to wait before retrying. */
    public static final String RETRY_AFTER = "Retry-After";
    /** Response header: milliseconds to wait before retrying (OpenAI's extension). */
    public static final String RETRY_AFTER_MS = "retry-after-ms";

    /** Response header: {@code true} on an answer replayed for a retried {@code Idempotency-Key}. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /**
     * Request header of {@code POST /audit/{id}/evaluations}: a caller's own scores of an answer,
     * {@code name=score} pairs separated by commas ({@code helpfulness=0.8,grounded=1}); see
     * {@link EvalHeader}.
     */
    public static final String EVAL = "X-Monago-Eval";

    /** Standard authorization header; the value is {@code Bearer <api key>}. */
    public static final String AUTHORIZATION = "Authorization";

    private ProtocolHeaders() {}
}
