package io.monago.atrium.eval;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which calls a hook runs on: a rate from 0 to 1 and the random source that draws against it
 * (injectable, so a test can say which calls are sampled).
 *
 * @param rate the share of calls evaluated
 * @param random gives numbers in [0, 1)
 */
record SampleRate(double rate, DoubleSupplier random) {
    SampleRate {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("sampleRate must be between 0 and 1, was " + rate);
        }
    }

    static SampleRate of(double rate) {
        return new SampleRate(rate, () -> ThreadLocalRandom.current().nextDouble());
    }

    boolean draw() {
        return rate >= 1 || (rate > 0 && random.getAsDouble() < rate);
    }
}
