package io.monago.atrium.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    private final IdempotencyCache cache = new IdempotencyCache(100, Clock.systemUTC());
    private final IdempotencyFilter filter = new IdempotencyFilter(new MemoryIdempotencyStore(cache), Offload.inline());

    private Exchange call(String body, String key) {
        Exchange ex = Calls.request(body, Map.of("Idempotency-Key", key));
        ex.caller(new Principal("app", "default", false, Optional.empty(), false), Calls.defaultWorkspace());
        return ex;
    }

    private static HttpReply sent(String body) {
        return new HttpReply(
                200, MultiMap.caseInsensitiveMultiMap().add("X-Monago-Audit-Id", "audit-1"), Buffer.buffer(body));
    }

    @Test
    void theFirstCallGoesOnAndItsSentAnswerIsKept() {
        Exchange first = call("{\"a\":1}", "k-1");
        assertThat(Calls.content(Calls.run(filter, first, Calls.answering("fresh"))))
                .isEqualTo("fresh");

        first.replied(sent("{\"first\":true}"));

        Answer retry = Calls.run(filter, call("{\"a\":1}", "k-1"), Calls.unreachable());
        assertThat(retry).isInstanceOf(Answer.Replay.class);
        assertThat(((Answer.Replay) retry).reply().body().toString()).isEqualTo("{\"first\":true}");
    }

    @Test
    void aRetryWhileTheFirstStillRunsGets409() {
        Calls.run(filter, call("{\"a\":1}", "k-2"), Calls.answering("fresh")); // never replied yet

        Answer retry = Calls.run(filter, call("{\"a\":1}", "k-2"), Calls.unreachable());

        assertThat(Calls.rejection(retry).code()).isEqualTo(ErrorCode.REQUEST_IN_PROGRESS);
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefused() {
        Exchange first = call("{\"a\":1}", "k-3");
        Calls.run(filter, first, Calls.answering("fresh"));
        first.replied(sent("{}"));

        Answer other = Calls.run(filter, call("{\"a\":2}", "k-3"), Calls.unreachable());

        assertThat(Calls.rejection(other).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(Calls.rejection(other).message()).contains("different request body");
    }

    @Test
    void callsWithoutTheHeaderPassStraightThrough() {
        Exchange ex = Calls.request("{}", Map.of());
        ex.caller(new Principal("app", "default", false, Optional.empty(), false), Calls.defaultWorkspace());

        assertThat(Calls.content(Calls.run(filter, ex, Calls.answering("fresh"))))
                .isEqualTo("fresh");
        assertThat(cache.size()).isZero();
    }
}
