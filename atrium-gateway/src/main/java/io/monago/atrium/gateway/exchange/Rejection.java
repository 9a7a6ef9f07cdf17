package io.monago.atrium.gateway.exchange;

import io.monago.atrium.protocol.ErrorCode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Why a request is answered with an error instead of being forwarded.
 *
 * @param code the protocol's error code (status and type follow from it)
 * @param message the {@code error.message} sentence for the caller; never contains PII or keys
 * @param blockReason for policy blocks, the {@code X-Monago-Block-Reason} sentence
 * @param retryAfterSeconds for limits, the {@code Retry-After} seconds
 */
public record Rejection(ErrorCode code, String message, Optional<String> blockReason, OptionalLong retryAfterSeconds) {

    /**
     * A rejection that asks for no retry delay.
     *
     * @param code see the record description
     * @param message see the record description
     * @param blockReason see the record description
     */
    public Rejection(ErrorCode code, String message, Optional<String> blockReason) {
        this(code, message, blockReason, OptionalLong.empty());
    }

    /**
     * A call over a rate limit or budget.
     *
     * @param code {@code rate_limit_exceeded} or {@code budget_exceeded}
     * @param message which limit, and when to retry
     * @param retryAfterSeconds when to retry
     * @return the rejection
     */
    public static Rejection limited(ErrorCode code, String message, long retryAfterSeconds) {
        return new Rejection(code, message, Optional.empty(), OptionalLong.of(retryAfterSeconds));
    }

    /**
     * A request the gateway cannot accept as written.
     *
     * @param message what was wrong, naming the field
     * @return the rejection
     */
    public static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message, Optional.empty());
    }

    /**
     * A non-block error.
     *
     * @param code the code
     * @param message the message
     * @return the rejection
     */
    public static Rejection of(ErrorCode code, String message) {
        return new Rejection(code, message, Optional.empty());
    }

    /**
     * A policy block.
     *
     * @param code one of the block codes
     * @param message the message
     * @param blockReason the block reason header
     * @return the rejection
     */
    public static Rejection block(ErrorCode code, String message, String blockReason) {
        return new Rejection(code, message, Optional.of(blockReason));
    }
}
