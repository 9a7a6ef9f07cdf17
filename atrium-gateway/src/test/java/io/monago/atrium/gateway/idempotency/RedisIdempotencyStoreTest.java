package io.monago.atrium.gateway.idempotency;

import static io.monago.atrium.gateway.support.TestRedis.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.redis.RedisClients;
import io.monago.atrium.gateway.support.TestRedis;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Keys kept in the real Redis by two stores, as two gateway instances keep them: the
 * first claim proceeds and the other instance sees it in progress, then replays its answer; another
 * body is refused; an answer that invites a retry releases the key; nothing readable is stored.
 */
class RedisIdempotencyStoreTest {

    static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"Kamar kelas 1: Rp 750.000\"}}]}";

    final TestRedis redis = new TestRedis();
    final RedisClients clientsA = new RedisClients(redis.vertx());
    final RedisClients clientsB = new RedisClients(redis.vertx());
    final RedisIdempotencyStore a =
            new RedisIdempotencyStore(clientsA.client(TestRedis.URL), redis.prefix(), Clock.systemUTC());
    final RedisIdempotencyStore b =
            new RedisIdempotencyStore(clientsB.client(TestRedis.URL), redis.prefix(), Clock.systemUTC());

    @AfterEach
    void cleanUp() {
        clientsA.close();
        clientsB.close();
        redis.close();
    }

    static HttpReply reply(int status) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Monago-Audit-Id", "audit-1");
        return new HttpReply(status, headers, Buffer.buffer(ANSWER));
    }

    @Test
    void theOtherInstanceSeesTheCallInProgressThenReplaysItsAnswer() {
        assertThat(await(a.claim("clinic-app", "key-1", "body-1"))).isEqualTo(IdempotencyCache.Claim.PROCEED);
        assertThat(await(b.claim("clinic-app", "key-1", "body-1"))).isEqualTo(IdempotencyCache.Claim.IN_PROGRESS);

        await(a.complete("clinic-app", "key-1", reply(200)));

        IdempotencyCache.Claim again = await(b.claim("clinic-app", "key-1", "body-1"));
        assertThat(again).isInstanceOfSatisfying(IdempotencyCache.Claim.Replay.class, r -> {
            assertThat(r.reply().status()).isEqualTo(200);
            assertThat(r.reply().body().toString()).isEqualTo(ANSWER);
            assertThat(r.reply().headers().get("X-Monago-Audit-Id")).isEqualTo("audit-1");
        });
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefusedOnEitherInstance() {
        await(a.claim("clinic-app", "key-2", "body-1"));
        await(a.complete("clinic-app", "key-2", reply(200)));

        assertThat(await(b.claim("clinic-app", "key-2", "body-2"))).isEqualTo(IdempotencyCache.Claim.BODY_MISMATCH);
    }

    @Test
    void theSameKeyOfAnotherApiKeyIsAnotherEntry() {
        await(a.claim("clinic-app", "key-3", "body-1"));

        assertThat(await(b.claim("billing-app", "key-3", "body-1"))).isEqualTo(IdempotencyCache.Claim.PROCEED);
    }

    @Test
    void anAnswerThatInvitesARetryReleasesTheKey() {
        await(a.claim("clinic-app", "key-4", "body-1"));
        await(a.complete("clinic-app", "key-4", reply(502)));

        assertThat(await(b.claim("clinic-app", "key-4", "body-1"))).isEqualTo(IdempotencyCache.Claim.PROCEED);
    }

    @Test
    void theStoreHoldsNoKeyNoBodyAndNothingReadableOfTheAnswerAndForgetsAfterADay() {
        await(a.claim("clinic-app", "key-5", "body-1"));
        await(a.complete("clinic-app", "key-5", reply(200)));

        List<String> keys = redis.keys();
        assertThat(keys).hasSize(1);
        String name = keys.get(0);
        assertThat(name).doesNotContain("key-5").doesNotContain("clinic-app");
        String stored = redis.send(Command.HGETALL, name).orElseThrow().toString();
        assertThat(stored)
                .doesNotContain("Rp 750.000")
                .doesNotContain("audit-1")
                .doesNotContain("body-1");
        long ttl = redis.send(Command.PTTL, name).orElseThrow().toLong();
        assertThat(ttl).isBetween(IdempotencyCache.TTL.toMillis() - 60_000, IdempotencyCache.TTL.toMillis());
    }

    @Test
    void anAlteredAnswerIsNotReplayed() {
        await(a.claim("clinic-app", "key-6", "body-1"));
        await(a.complete("clinic-app", "key-6", reply(200)));
        String name = redis.keys().get(0);
        redis.send(Command.HSET, name, "reply", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThatThrownBy(() -> await(b.claim("clinic-app", "key-6", "body-1")))
                .hasMessageContaining("altered");
    }

    @Test
    void anUnfinishedClaimLapsesSoACallWhoseInstanceDiedCanBeRetried() {
        await(a.claim("clinic-app", "key-7", "body-1"));

        long ttl = redis.send(Command.PTTL, redis.keys().get(0)).orElseThrow().toLong();

        assertThat(ttl).isBetween(1L, RedisIdempotencyStore.CLAIM_LEASE.toMillis());
    }
}
