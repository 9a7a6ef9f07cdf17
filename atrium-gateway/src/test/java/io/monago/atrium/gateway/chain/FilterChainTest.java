package io.monago.atrium.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.gateway.provider.ChunkSource;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How a call walks the chain: order, local replies, rejections, failures, waiting, chunks. */
class FilterChainTest {

    private final List<String> log = new ArrayList<>();

    /** A filter that writes what it sees to the log and then does what {@code decide} says. */
    private Filter filter(String name, Function<Exchange, Future<Step>> decide) {
        return exchange -> {
            log.add(name + " in");
            return decide.apply(exchange);
        };
    }

    private Filter passing(String name) {
        return filter(
                name,
                ex -> Step.proceed((exchange, answer) -> {
                    log.add(name + " out: " + kind(answer));
                    return Future.succeededFuture(answer);
                }));
    }

    private Endpoint endpoint() {
        return ex -> {
            log.add("endpoint");
            return Future.succeededFuture(new Answer.Completion(Calls.completion("hello"), Optional.empty()));
        };
    }

    private static String kind(Answer a) {
        return a.getClass().getSimpleName();
    }

    private static Exchange call() {
        return Calls.request("{}", Map.of());
    }

    @Test
    void requestHalvesRunInOrderAndAnswerHalvesInReverse() {
        Answer answer = Calls.run(List.of(passing("a"), passing("b"), passing("c")), call(), endpoint());

        assertThat(log)
                .containsExactly(
                        "a in",
                        "b in",
                        "c in",
                        "endpoint",
                        "c out: Completion",
                        "b out: Completion",
                        "a out: Completion");
        assertThat(Calls.content(answer)).isEqualTo("hello");
    }

    @Test
    void aRejectionStopsTheWalkAndStillGoesBackThroughTheFiltersBeforeIt() {
        Rejection no = Rejection.invalid("field x is wrong");
        Answer answer = Calls.run(
                List.of(passing("a"), passing("b"), filter("c", ex -> Step.reject(no)), passing("d")),
                call(),
                endpoint());

        assertThat(log).containsExactly("a in", "b in", "c in", "b out: Failure", "a out: Failure");
        assertThat(Calls.rejection(answer)).isEqualTo(no);
    }

    @Test
    void aLocalReplyIsSeenOnlyByTheFiltersBeforeIt() {
        HttpReply stored = new HttpReply(200, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"));
        Answer answer = Calls.run(
                List.of(passing("a"), filter("b", ex -> Step.reply(new Answer.Replay(stored))), passing("c")),
                call(),
                endpoint());

        assertThat(log).containsExactly("a in", "b in", "a out: Replay");
        assertThat(answer).isEqualTo(new Answer.Replay(stored));
    }

    @Test
    void aFilterThatThrowsEndsTheCallAsAnInternalErrorThatIsStillSeenOnTheWayBack() {
        Answer answer = Calls.run(
                List.of(
                        passing("a"),
                        filter("b", ex -> {
                            throw new IllegalStateException("bug with the caller's secret 4111111111111111");
                        }),
                        passing("c")),
                call(),
                endpoint());

        assertThat(log).containsExactly("a in", "b in", "a out: Failure");
        assertThat(Calls.rejection(answer).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(Calls.rejection(answer).message()).doesNotContain("4111");
    }

    @Test
    void aFailedFutureOrAThrowingAnswerHalfBecomesAnInternalErrorForTheFiltersOutside() {
        Filter throwsOnTheWayBack = filter(
                "b",
                ex -> Step.proceed((exchange, answer) -> {
                    throw new IllegalStateException("broken answer half");
                }));
        Answer answer = Calls.run(
                List.of(passing("a"), throwsOnTheWayBack),
                call(),
                ex -> Future.failedFuture(new RuntimeException("x")));

        assertThat(log).containsExactly("a in", "b in", "a out: Failure");
        assertThat(Calls.rejection(answer).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void theChainWaitsForAFilterThatAnswersLater() {
        Promise<Step> later = Promise.promise();
        Future<Answer> walking = new FilterChain(
                        List.of(passing("a"), filter("slow", ex -> later.future()), passing("c")), endpoint())
                .handle(call());

        assertThat(log).containsExactly("a in", "slow in");
        assertThat(walking.isComplete()).isFalse();

        later.complete(Step.CONTINUE);

        assertThat(Calls.content(Calls.await(walking))).isEqualTo("hello");
        assertThat(log)
                .containsExactly("a in", "slow in", "c in", "endpoint", "c out: Completion", "a out: Completion");
    }

    @Test
    void chunkTransformsRunInnermostFirstAndTheirEndsInTheSameOrderAfterTheLastChunk() {
        Filter outer = filter(
                "outer",
                ex -> Step.proceed((e, a) -> Future.succeededFuture(((Answer.Chunked) a).through(tagging("outer")))));
        Filter inner = filter(
                "inner",
                ex -> Step.proceed((e, a) -> Future.succeededFuture(((Answer.Chunked) a).through(tagging("inner")))));
        Endpoint chunks = ex -> Future.succeededFuture(new Answer.Chunked(new ListSource(List.of("x", "y"))));

        List<ObjectNode> out = Calls.drain(Calls.run(List.of(outer, inner), call(), chunks));

        assertThat(out).extracting(c -> c.path("tag").asText()).containsExactly("x>inner>outer", "y>inner>outer");
        assertThat(log).containsSubsequence("inner end", "outer end");
        assertThat(log.indexOf("inner end")).isGreaterThan(log.indexOf("outer saw y"));
    }

    @Test
    void aStreamThatBreaksOffTellsEveryTransformAndTheReceiver() {
        Filter f = filter(
                "f", ex -> Step.proceed((e, a) -> Future.succeededFuture(((Answer.Chunked) a).through(tagging("f")))));
        AtomicInteger failures = new AtomicInteger();
        ChunkSource breaking = new ChunkSource() {
            @Override
            public void start(ChunkReceiver receiver) {
                receiver.chunk(Calls.JSON.createObjectNode().put("tag", "x"));
                receiver.fail(new IllegalStateException("connection reset"));
            }

            @Override
            public void pause() {}

            @Override
            public void resume() {}

            @Override
            public void cancel() {}
        };
        Answer answer = Calls.run(List.of(f), call(), ex -> Future.succeededFuture(new Answer.Chunked(breaking)));

        ChunkPipeline.run((Answer.Chunked) answer, new ChunkReceiver() {
            @Override
            public void chunk(ObjectNode chunk) {}

            @Override
            public void end() {
                throw new AssertionError("a broken stream must not end normally");
            }

            @Override
            public void fail(Throwable cause) {
                failures.incrementAndGet();
            }
        });

        assertThat(log).contains("f failed");
        assertThat(failures).hasValue(1);
    }

    private ChunkTransform tagging(String name) {
        return new ChunkTransform() {
            @Override
            public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
                log.add(name + " saw " + chunk.path("tag").asText().charAt(0));
                chunk.put("tag", chunk.path("tag").asText() + ">" + name);
                out.accept(chunk);
            }

            @Override
            public Future<Void> onEnd(Consumer<ObjectNode> out) {
                log.add(name + " end");
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> onFailure(Throwable cause) {
                log.add(name + " failed");
                return Future.succeededFuture();
            }
        };
    }

    /** Chunks tagged with the given names, delivered at once. */
    private static final class ListSource implements ChunkSource {
        private final List<String> tags;

        ListSource(List<String> tags) {
            this.tags = tags;
        }

        @Override
        public void start(ChunkReceiver receiver) {
            for (String t : tags) {
                receiver.chunk(Calls.JSON.createObjectNode().put("tag", t));
            }
            receiver.end();
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {}
    }
}
