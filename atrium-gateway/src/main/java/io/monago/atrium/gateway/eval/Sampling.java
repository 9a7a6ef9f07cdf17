package io.monago.atrium.gateway.eval;

import java.nio.charset.StandardCharsets;

/**
 * Which calls an evaluator with a sample rate runs on: decided by the audit id and the evaluator's
 * name, so the choice is reproducible (the same call is always in or out) and independent between
 * evaluators, and a test can tell in advance which calls will be evaluated.
 *
 * <pre>{@code
 * Sampling.sampled("audit-0193...", "toxicity", 0.1); // true for about one call in ten
 * }</pre>
 */
public final class Sampling {
    private Sampling() {}

    /**
     * Whether an evaluator runs on a call.
     *
     * @param auditId the call's audit id
     * @param evaluator the evaluator's name
     * @param rate the share of calls evaluated, 0 to 1
     * @return whether this call is in the sample
     */
    public static boolean sampled(String auditId, String evaluator, double rate) {
        if (rate >= 1) {
            return true;
        }
        if (rate <= 0) {
            return false;
        }
        long h = 0xCBF29CE484222325L;
        for (byte b : (evaluator + '\n' + auditId).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        double unit = (h >>> 11) * 0x1.0p-53;
        return unit < rate;
    }
}
