package io.monago.atrium.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one run may spend: model calls, tokens, rupiah and wall-clock time. A run that reaches a
 * limit stops with {@link RunLimitExceededException}; the call that crossed a token or rupiah limit
 * has already been made and is in the transcript, so a budget is a stop line, not a guarantee to
 * the rupiah.
 *
 * <pre>{@code
 * RunLimits limits = RunLimits.defaults().withMaxSteps(8).withMaxCostIdr(500.0).withTimeout(Duration.ofMinutes(2));
 * }</pre>
 *
 * @param maxSteps most model calls in the run, every agent's counted (default 16)
 * @param maxTokens most tokens (prompt and completion) over the run, or empty for no limit
 * @param maxCostIdr most rupiah over the run as the gateway reports it, or empty for no limit
 * @param timeout longest the run may take, or empty for no limit
 */
public record RunLimits(int maxSteps, OptionalLong maxTokens, OptionalDouble maxCostIdr, Optional<Duration> timeout) {

    private static final RunLimits DEFAULTS =
            new RunLimits(16, OptionalLong.empty(), OptionalDouble.empty(), Optional.empty());

    /**
     * Checks the limits.
     *
     * @param maxSteps model calls
     * @param maxTokens tokens
     * @param maxCostIdr rupiah
     * @param timeout time
     * @throws IllegalArgumentException when a limit is not positive
     */
    public RunLimits {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(maxCostIdr, "maxCostIdr");
        Objects.requireNonNull(timeout, "timeout");
        if (maxTokens.isPresent() && maxTokens.getAsLong() < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens.getAsLong());
        }
        if (maxCostIdr.isPresent() && !(maxCostIdr.getAsDouble() > 0)) {
            throw new IllegalArgumentException("maxCostIdr must be positive, was " + maxCostIdr.getAsDouble());
        }
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout.get());
        }
    }

    /**
     * Sixteen model calls, no token, rupiah or time limit.
     *
     * @return the defaults
     */
    public static RunLimits defaults() {
        return DEFAULTS;
    }

    /**
     * These limits with another step limit.
     *
     * @param steps most model calls
     * @return new limits
     */
    public RunLimits withMaxSteps(int steps) {
        return new RunLimits(steps, maxTokens, maxCostIdr, timeout);
    }

    /**
     * These limits with a token budget.
     *
     * @param tokens most tokens over the run
     * @return new limits
     */
    public RunLimits withMaxTokens(long tokens) {
        return new RunLimits(maxSteps, OptionalLong.of(tokens), maxCostIdr, timeout);
    }

    /**
     * These limits with a rupiah budget.
     *
     * @param idr most rupiah over the run
     * @return new limits
     */
    public RunLimits withMaxCostIdr(double idr) {
        return new RunLimits(maxSteps, maxTokens, OptionalDouble.of(idr), timeout);
    }

    /**
     * These limits with a time limit.
     *
     * @param time longest the run may take
     * @return new limits
     */
    public RunLimits withTimeout(Duration time) {
        return new RunLimits(maxSteps, maxTokens, maxCostIdr, Optional.of(time));
    }
}
