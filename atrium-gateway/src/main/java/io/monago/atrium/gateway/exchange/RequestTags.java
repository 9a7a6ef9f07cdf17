package io.monago.atrium.gateway.exchange;

import java.util.Map;
import java.util.Optional;

/**
 * What the caller attached to the call for the audit trail (docs/protocol.md §2).
 *
 * @param user the end user's id
 * @param sessionId the session id
 * @param metadata string metadata
 * @param traceId the W3C trace id from {@code traceparent}
 * @param idempotencyKey the {@code Idempotency-Key} header
 */
public record RequestTags(
        Optional<String> user,
        Optional<String> sessionId,
        Map<String, String> metadata,
        Optional<String> traceId,
        Optional<String> idempotencyKey) {

    /** Nothing attached. */
    public static final RequestTags NONE =
            new RequestTags(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty());

    /**
     * Copies the metadata.
     *
     * @param user see the record description
     * @param sessionId see the record description
     * @param metadata see the record description
     * @param traceId see the record description
     * @param idempotencyKey see the record description
     */
    public RequestTags {
        metadata = Map.copyOf(metadata);
    }
}
