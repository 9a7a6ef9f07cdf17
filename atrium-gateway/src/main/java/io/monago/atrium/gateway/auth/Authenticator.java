package io.monago.atrium.gateway.auth;

import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import java.util.Optional;

/** Turns an {@code Authorization} header into a key record, for every endpoint. */
public final class Authenticator {

    private static final String BEARER = "bearer ";
    private final KeyRegistry keys;

    /**
     * Creates the authenticator.
     *
     * @param keys the registered keys
     */
    public Authenticator(KeyRegistry keys) {
        this.keys = keys;
    }

    /**
     * Authenticates a request.
     *
     * @param authorization the {@code Authorization} header, if sent
     * @return the key record, and if the request may not proceed, why
     */
    public Result authenticate(Optional<String> authorization) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return Result.rejected(unauthorized("missing API key: send it as 'Authorization: Bearer <key>'"));
        }
        String h = authorization.get().trim();
        if (h.length() <= BEARER.length() || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Result.rejected(unauthorized("the Authorization header must be 'Bearer <key>'"));
        }
        Optional<Principal> principal = keys.find(h.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            return Result.rejected(unauthorized("invalid API key"));
        }
        if (principal.get().disabled()) {
            return new Result(
                    principal, Optional.of(Rejection.of(ErrorCode.PERMISSION_DENIED, "this API key is disabled")));
        }
        return new Result(principal, Optional.empty());
    }

    private static Rejection unauthorized(String message) {
        return Rejection.of(ErrorCode.INVALID_API_KEY, message);
    }

    /**
     * The outcome.
     *
     * @param principal the key record, when the key is known (also for a disabled key)
     * @param rejection why the request may not proceed
     */
    public record Result(Optional<Principal> principal, Optional<Rejection> rejection) {
        static Result rejected(Rejection r) {
            return new Result(Optional.empty(), Optional.of(r));
        }
    }
}
