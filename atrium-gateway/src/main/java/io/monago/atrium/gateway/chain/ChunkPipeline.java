package io.monago.atrium.gateway.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a streamed answer: starts the provider's chunks, passes each through the answer halves'
 * transforms in order and hands what comes out to the receiver (the HTTP response, or a test). At
 * the end each transform's {@link ChunkTransform#onEnd} runs in order, each waiting for the one
 * before, and only then is the receiver told the stream ended. Slowing down is the source's job:
 * the receiver calls {@code answer.source().pause()} and {@code resume()}.
 */
public final class ChunkPipeline {

    private final Answer.Chunked answer;
    private final ChunkReceiver receiver;
    private final List<ChunkTransform> transforms;
    /** Stage {@code i} feeds transform {@code i}; the last one feeds the receiver. */
    private final List<Consumer<ObjectNode>> stages;

    /**
     * Set by the first end, failure or abort, before the transforms' ends run (they may wait on
     * the audit store): a second signal from a source, or the caller going away meanwhile, must not
     * run them again, or the call would be recorded twice.
     */
    private boolean finished;

    private ChunkPipeline(Answer.Chunked answer, ChunkReceiver receiver) {
        this.answer = answer;
        this.receiver = receiver;
        this.transforms = answer.transforms();
        int n = transforms.size();
        List<Consumer<ObjectNode>> s = new ArrayList<>(Collections.nCopies(n + 1, null));
        s.set(n, receiver::chunk);
        for (int i = n - 1; i >= 0; i--) {
            ChunkTransform t = transforms.get(i);
            Consumer<ObjectNode> next = s.get(i + 1);
            s.set(i, chunk -> t.onChunk(chunk, next));
        }
        this.stages = List.copyOf(s);
    }

    /**
     * Starts a streamed answer.
     *
     * @param answer the answer, with its transforms
     * @param receiver gets the transformed chunks, then the end or a failure
     * @return the running pipeline, to {@link #abort} it
     */
    public static ChunkPipeline run(Answer.Chunked answer, ChunkReceiver receiver) {
        ChunkPipeline p = new ChunkPipeline(answer, receiver);
        answer.source().start(p.new FromSource());
        return p;
    }

    /**
     * Ends the stream from the receiving side (the caller went away): the provider is told to stop
     * and every transform hears of the failure (the audit filter records the call as cut short);
     * the receiver is not told again.
     *
     * @param cause why
     */
    public void abort(Throwable cause) {
        if (finished) {
            return;
        }
        finished = true;
        answer.source().cancel();
        failFrom(0, cause, false);
    }

    private final class FromSource implements ChunkReceiver {
        @Override
        public void chunk(ObjectNode chunk) {
            if (finished) {
                return;
            }
            try {
                stages.get(0).accept(chunk);
            } catch (RuntimeException e) {
                answer.source().cancel();
                fail(e);
            }
        }

        @Override
        public void end() {
            if (finished) {
                return;
            }
            finished = true;
            endFrom(0);
        }

        @Override
        public void fail(Throwable cause) {
            if (finished) {
                return;
            }
            finished = true;
            failFrom(0, cause, true);
        }
    }

    private void endFrom(int i) {
        if (i == transforms.size()) {
            receiver.end();
            return;
        }
        Future<Void> ended;
        try {
            ended = transforms.get(i).onEnd(stages.get(i + 1));
        } catch (RuntimeException e) {
            ended = Future.failedFuture(e);
        }
        ended.onComplete(ar -> {
            if (ar.succeeded()) {
                endFrom(i + 1);
            } else {
                failFrom(i + 1, ar.cause(), true);
            }
        });
    }

    private void failFrom(int i, Throwable cause, boolean tellReceiver) {
        if (i == transforms.size()) {
            if (tellReceiver) {
                receiver.fail(cause);
            }
            return;
        }
        Future<Void> handled;
        try {
            handled = transforms.get(i).onFailure(cause);
        } catch (RuntimeException e) {
            handled = Future.succeededFuture(); // the stream is failing already; the next ones still hear of it
        }
        handled.onComplete(ar -> failFrom(i + 1, cause, tellReceiver));
    }
}
