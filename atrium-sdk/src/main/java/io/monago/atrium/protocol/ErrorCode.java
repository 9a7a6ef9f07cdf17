package io.monago.atrium.protocol;

import java.util.Optional;

/**
 * Error codes of docs/protocol.md §4, with the HTTP status and error type each is sent with.
 *
 * <pre>{@code
 * ErrorCode c = ErrorCode.PII_BLOCKED;
 * c.status();   // 400
 * c.code();     // "pii_blocked"
 * }</pre>
 */
public enum ErrorCode {
    /** PII found and policy says block. */
    PII_BLOCKED(400, "pii_blocked", "policy_violation"),
    /** Prompt injection, jailbreak or secret exfiltration blocked. */
    SECURITY_BLOCK(400, "security_block", "policy_violation"),
    /** Model not permitted for this key or workspace. */
    MODEL_NOT_ALLOWED(400, "model_not_allowed", "policy_violation"),
    /** Any other policy rule blocked. */
    POLICY_BLOCKED(400, "policy_blocked", "policy_violation"),
    /** Malformed JSON, unknown field or bad value. */
    INVALID_REQUEST(400, "invalid_request_error", "invalid_request_error"),
    /** Missing or unknown API key. */
    INVALID_API_KEY(401, "invalid_api_key", "authentication_error"),
    /** Key disabled, or endpoint not allowed for it. */
    PERMISSION_DENIED(403, "permission_denied", "permission_error"),
    /** No provider serves that model. */
    MODEL_NOT_FOUND(404, "model_not_found", "invalid_request_error"),
    /** A resource other than a model (an audit record, a route) does not exist. */
    NOT_FOUND(404, "not_found", "invalid_request_error"),
    /** The method is not served on this path. */
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "invalid_request_error"),
    /** The request (its head or its body) did not arrive within the server's time limit. */
    REQUEST_TIMEOUT(408, "request_timeout", "invalid_request_error"),
    /** A call with the same {@code Idempotency-Key} is still being processed; retry shortly. */
    REQUEST_IN_PROGRESS(409, "request_in_progress", "invalid_request_error"),
    /** Body over the configured limit. */
    REQUEST_TOO_LARGE(413, "request_too_large", "invalid_request_error"),
    /** The request line (method, path and query) is over the server's limit. */
    URI_TOO_LONG(414, "uri_too_long", "invalid_request_error"),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "invalid_request_error"),
    /** The request's headers are over the server's limit. */
    REQUEST_HEADERS_TOO_LARGE(431, "request_headers_too_large", "invalid_request_error"),
    /** Request rate over the limit. */
    RATE_LIMIT_EXCEEDED(429, "rate_limit_exceeded", "rate_limit_error"),
    /** Spending budget exhausted. */
    BUDGET_EXCEEDED(429, "budget_exceeded", "rate_limit_error"),
    /** The gateway itself failed. */
    INTERNAL_ERROR(500, "internal_error", "api_error"),
    /** Provider failed after retries and fallbacks. */
    UPSTREAM_ERROR(502, "upstream_error", "api_error"),
    /** The gateway is not ready or is shutting down. */
    SERVICE_UNAVAILABLE(503, "service_unavailable", "api_error"),
    /** The audit store cannot write, so the call was not made (the gateway fails closed). */
    AUDIT_UNAVAILABLE(503, "audit_unavailable", "api_error"),
    /** Provider did not answer in time. */
    UPSTREAM_TIMEOUT(504, "upstream_timeout", "api_error");

    private final int status;
    private final String code;
    private final String type;

    ErrorCode(int status, String code, String type) {
        this.status = status;
        this.code = code;
        this.type = type;
    }

    /**
     * HTTP status this code is sent with.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The {@code error.code} string.
     *
     * @return the wire code
     */
    public String code() {
        return code;
    }

    /**
     * The {@code error.type} string.
     *
     * @return the wire type
     */
    public String type() {
        return type;
    }

    /**
     * Whether this code marks a policy block (decision {@code blocked}).
     *
     * @return true for the four block codes
     */
    public boolean isBlock() {
        return this == PII_BLOCKED || this == SECURITY_BLOCK || this == MODEL_NOT_ALLOWED || this == POLICY_BLOCKED;
    }

    /**
     * Looks a wire code up.
     *
     * @param code the {@code error.code} value; may be null
     * @return the code, or empty when unknown
     */
    public static Optional<ErrorCode> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
