package io.monago.atrium.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.ChunkPipeline;
import io.monago.atrium.gateway.chain.ClientGone;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.Optional;

/**
 * Writes a streamed answer as server-sent events (docs/protocol.md §5): the governance headers
 * known before the first token, then {@code data: <chunk>} for each chunk the answer halves let
 * through, then one final chunk with {@code choices: []}, the usage and the {@code governance}
 * object, then {@code data: [DONE]}. A caller that reads slowly pauses the provider (the write
 * queue is the back-pressure); a caller that goes away cancels it, and the call is recorded as cut
 * short. A stream that breaks (the provider, a failed check) ends with an error event in the
 * protocol's error shape.
 */
final class StreamedReply implements ChunkReceiver {

    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final HttpServerResponse response;
    private final Exchange exchange;
    private final Answer.Chunked answer;
    private final GovernanceRenderer renderer;
    private final Buffer kept;
    private ChunkPipeline pipeline;
    private ObjectNode envelope;
    private boolean finished;

    private StreamedReply(
            HttpServerResponse response, Exchange exchange, Answer.Chunked answer, GovernanceRenderer renderer) {
        this.response = response;
        this.exchange = exchange;
        this.answer = answer;
        this.renderer = renderer;
        this.kept = exchange.hasReplyListeners() ? Buffer.buffer() : null;
    }

    /**
     * Starts writing a streamed answer.
     *
     * @param response the response
     * @param exchange the call
     * @param answer the streamed answer, with its transforms
     * @param renderer renders headers, chunks and the governance object
     */
    static void start(
            HttpServerResponse response, Exchange exchange, Answer.Chunked answer, GovernanceRenderer renderer) {
        new StreamedReply(response, exchange, answer, renderer).start();
    }

    private void start() {
        if (response.closed() || response.ended()) {
            finished = true;
            ChunkPipeline.run(answer, this).abort(new ClientGone());
            return;
        }
        // What is known before the first token: the audit id, the input's PII, the decision, the provider.
        Verdict early = exchange.freeze(200, Optional.empty(), System.nanoTime());
        renderer.streamHeaders(early, response.headers());
        response.putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.putHeader("X-Accel-Buffering", "no"); // proxies in front must not hold the stream
        response.setChunked(true).setStatusCode(200);
        response.closeHandler(v -> {
            if (!finished) {
                finished = true;
                pipeline.abort(new ClientGone());
            }
        });
        response.drainHandler(v -> answer.source().resume());
        pipeline = ChunkPipeline.run(answer, this);
    }

    @Override
    public void chunk(ObjectNode chunk) {
        if (finished) {
            return;
        }
        if (envelope == null) {
            envelope = chunk.deepCopy();
            envelope.remove("choices");
            envelope.remove("usage");
        }
        write(event(chunk));
        if (response.writeQueueFull()) {
            answer.source().pause();
        }
    }

    @Override
    public void end() {
        if (finished) {
            return;
        }
        finished = true;
        Verdict v = exchange.verdict().orElseGet(() -> exchange.freeze(200, Optional.empty(), System.nanoTime()));
        ObjectNode last = envelope == null ? renderer.json().createObjectNode() : envelope.deepCopy();
        last.putArray("choices");
        v.usage().writeTo(last.putObject("usage"));
        last.set("governance", renderer.governance(v));
        write(event(last));
        write(DONE);
        close();
    }

    @Override
    public void fail(Throwable cause) {
        if (finished) {
            return;
        }
        finished = true;
        Verdict v = exchange.verdict().orElseGet(() -> exchange.freeze(200, Optional.empty(), System.nanoTime()));
        ErrorCode code = v.errorCode().flatMap(ErrorCode::fromCode).orElse(ErrorCode.UPSTREAM_ERROR);
        ObjectNode error = renderer.json().createObjectNode();
        ObjectNode e = error.putObject("error");
        e.put(
                "message",
                switch (code) {
                    case UPSTREAM_ERROR -> "the provider's stream broke off; the answer is incomplete";
                    case UPSTREAM_TIMEOUT -> "the provider's stream went silent; the answer is incomplete";
                    default -> "the answer could not be checked, so the stream was ended; the answer is incomplete";
                });
        e.put("type", code.type());
        e.put("code", code.code());
        e.putNull("param");
        error.set("governance", renderer.governance(v));
        write(Buffer.buffer("event: error\n").appendBuffer(event(error)));
        write(DONE);
        close();
    }

    private Buffer event(ObjectNode node) {
        return Buffer.buffer("data: ").appendBuffer(renderer.body(node)).appendString("\n\n");
    }

    private void write(Buffer b) {
        if (kept != null) {
            kept.appendBuffer(b);
        }
        if (!response.closed() && !response.ended()) {
            response.write(b);
        }
    }

    private void close() {
        if (!response.closed() && !response.ended()) {
            response.end();
        }
        if (kept != null) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
            exchange.replied(new HttpReply(200, headers, kept));
        }
    }
}
