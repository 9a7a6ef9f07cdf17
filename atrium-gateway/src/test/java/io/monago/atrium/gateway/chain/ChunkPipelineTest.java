package io.monago.atrium.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.gateway.provider.ChunkSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A stream ends once: however often a source signals its end or a failure, and whenever the caller
 * goes away while the transforms' ends are still running (they wait on the audit store), each
 * transform's end or failure runs once, so a streamed call is recorded once.
 */
class ChunkPipelineTest {

    /** A source the test drives by hand. */
    private static final class HandSource implements ChunkSource {
        ChunkReceiver receiver;
        int cancels;

        @Override
        public void start(ChunkReceiver r) {
            this.receiver = r;
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {
            cancels++;
        }
    }

    /** Counts its ends and failures; its end waits until the test completes it. */
    private static final class CountingTransform implements ChunkTransform {
        final Promise<Void> endWrite = Promise.promise();
        int ends;
        int failures;

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            ends++;
            return endWrite.future();
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            failures++;
            return Future.succeededFuture();
        }
    }

    /** What the receiving side was told. */
    private static final class Told implements ChunkReceiver {
        final List<String> events = new ArrayList<>();

        @Override
        public void chunk(ObjectNode chunk) {
            events.add("chunk");
        }

        @Override
        public void end() {
            events.add("end");
        }

        @Override
        public void fail(Throwable cause) {
            events.add("fail");
        }
    }

    @Test
    void aSecondEndOrAFailureWhileTheFirstEndIsRecordedRunsNothingAgain() {
        HandSource source = new HandSource();
        CountingTransform audit = new CountingTransform();
        Told told = new Told();
        ChunkPipeline.run(new Answer.Chunked(source).through(audit), told);

        source.receiver.chunk(JsonNodeFactory.instance.objectNode());
        source.receiver.end();
        source.receiver.end();
        source.receiver.fail(new IllegalStateException("late"));
        audit.endWrite.complete();

        assertThat(audit.ends).isEqualTo(1);
        assertThat(audit.failures).isZero();
        assertThat(told.events).containsExactly("chunk", "end");
    }

    @Test
    void theCallerGoingAwayWhileTheEndIsRecordedDoesNotRecordItAgain() {
        HandSource source = new HandSource();
        CountingTransform audit = new CountingTransform();
        Told told = new Told();
        ChunkPipeline pipeline = ChunkPipeline.run(new Answer.Chunked(source).through(audit), told);

        source.receiver.end();
        pipeline.abort(new IllegalStateException("caller gone"));
        audit.endWrite.complete();

        assertThat(audit.ends).isEqualTo(1);
        assertThat(audit.failures).isZero();
        assertThat(source.cancels).isZero();
        assertThat(told.events).containsExactly("end");
    }

    @Test
    void aFailureIsHeardOnceAndNoEndFollowsIt() {
        HandSource source = new HandSource();
        CountingTransform audit = new CountingTransform();
        Told told = new Told();
        ChunkPipeline.run(new Answer.Chunked(source).through(audit), told);

        source.receiver.fail(new IllegalStateException("broke"));
        source.receiver.fail(new IllegalStateException("again"));
        source.receiver.end();

        assertThat(audit.failures).isEqualTo(1);
        assertThat(audit.ends).isZero();
        assertThat(told.events).containsExactly("fail");
    }
}
