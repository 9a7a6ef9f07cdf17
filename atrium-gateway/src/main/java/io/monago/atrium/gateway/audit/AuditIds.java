package io.monago.atrium.gateway.audit;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes audit ids: {@code audit-} and a time-ordered UUID (version 7 layout), so ids sort by
 * arrival and never repeat. Ids are not secrets; access to records is checked on every read.
 */
public final class AuditIds {

    private final Clock clock;

    /**
     * Creates the generator.
     *
     * @param clock the time source
     */
    public AuditIds(Clock clock) {
        this.clock = clock;
    }

    /** {@return a new audit id} */
    public String next() {
        long millis = clock.millis();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (millis << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "audit-" + new java.util.UUID(hi, lo);
    }
}
