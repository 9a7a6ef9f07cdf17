package io.monago.atrium.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.exchange.HttpReply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {

    private static final String BODY = "0a0b0c";
    private static final String OTHER = "ff";

    private static HttpReply reply(int status) {
        return new HttpReply(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"));
    }

    @Test
    void firstClaimProceedsThenInProgressThenReplay() {
        IdempotencyCache cache = new IdempotencyCache(10, Clock.systemUTC());
        assertThat(cache.claim("k", "idem", BODY)).isEqualTo(IdempotencyCache.Claim.PROCEED);
        assertThat(cache.claim("k", "idem", BODY)).isEqualTo(IdempotencyCache.Claim.IN_PROGRESS);
        HttpReply r = reply(200);
        cache.complete("k", "idem", r);
        assertThat(cache.claim("k", "idem", BODY)).isEqualTo(new IdempotencyCache.Claim.Replay(r));
        assertThat(cache.claim("k", "idem", OTHER)).isEqualTo(IdempotencyCache.Claim.BODY_MISMATCH);
        assertThat(cache.claim("another-key", "idem", OTHER)).isEqualTo(IdempotencyCache.Claim.PROCEED);
    }

    @Test
    void serverErrorsAndRateLimitsAreForgottenSoTheRetryRunsAgain() {
        IdempotencyCache cache = new IdempotencyCache(10, Clock.systemUTC());
        cache.claim("k", "a", BODY);
        cache.complete("k", "a", reply(502));
        assertThat(cache.claim("k", "a", BODY)).isEqualTo(IdempotencyCache.Claim.PROCEED);
        cache.complete("k", "a", reply(429));
        assertThat(cache.claim("k", "a", BODY)).isEqualTo(IdempotencyCache.Claim.PROCEED);
        cache.complete("k", "a", reply(400));
        assertThat(cache.claim("k", "a", BODY)).isInstanceOf(IdempotencyCache.Claim.Replay.class);
    }

    @Test
    void keysExpireAfter24HoursAndTheOldestGoFirst() {
        MutableClock clock = new MutableClock();
        IdempotencyCache cache = new IdempotencyCache(2, clock);
        cache.claim("k", "1", BODY);
        clock.advance(Duration.ofHours(1));
        cache.claim("k", "2", BODY);
        cache.claim("k", "3", BODY);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.claim("k", "1", OTHER)).as("evicted").isEqualTo(IdempotencyCache.Claim.PROCEED);
        clock.advance(IdempotencyCache.TTL.plusMinutes(1));
        assertThat(cache.claim("k", "2", OTHER)).as("expired").isEqualTo(IdempotencyCache.Claim.PROCEED);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
