package io.monago.atrium.errors;

/**
 * The gateway refused the call for its rate limit or budget (429: {@code rate_limit_exceeded} or
 * {@code budget_exceeded}). Thrown after the client's retries are spent; the gateway's
 * {@code Retry-After} is in {@link #response()}.
 *
 * <pre>{@code
 * catch (RateLimitException e) {
 *     String wait = e.response().flatMap(r -> r.header("Retry-After")).orElse("?");
 * }
 * }</pre>
 */
public class RateLimitException extends AtriumException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public RateLimitException(String message, ErrorResponse response) {
        super(message, response);
    }
}
