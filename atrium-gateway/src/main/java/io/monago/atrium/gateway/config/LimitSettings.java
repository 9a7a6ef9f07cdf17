package io.monago.atrium.gateway.config;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rate limits and rupiah budgets of a workspace or a key. Every field is optional: what is not
 * written is not limited.
 *
 * @param requestsPerMinute calls per minute
 * @param tokensPerMinute tokens per minute, prompt and completion together
 * @param idrPerDay rupiah per day, in the workspace's time zone
 * @param idrPerMonth rupiah per calendar month, in the workspace's time zone
 */
public record LimitSettings(Long requestsPerMinute, Long tokensPerMinute, Double idrPerDay, Double idrPerMonth) {

    /** No limit at all. */
    public static final LimitSettings NONE = new LimitSettings(null, null, null, null);

    /** {@return the calls per minute, if limited} */
    public OptionalLong rpm() {
        return requestsPerMinute == null ? OptionalLong.empty() : OptionalLong.of(requestsPerMinute);
    }

    /** {@return the tokens per minute, if limited} */
    public OptionalLong tpm() {
        return tokensPerMinute == null ? OptionalLong.empty() : OptionalLong.of(tokensPerMinute);
    }

    /** {@return the rupiah per day, if limited} */
    public Optional<Double> perDay() {
        return Optional.ofNullable(idrPerDay);
    }

    /** {@return the rupiah per month, if limited} */
    public Optional<Double> perMonth() {
        return Optional.ofNullable(idrPerMonth);
    }

    /** {@return whether anything is limited} */
    public boolean any() {
        return requestsPerMinute != null || tokensPerMinute != null || idrPerDay != null || idrPerMonth != null;
    }
}
