package io.monago.atrium.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.ClientGone;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.exchange.StreamOutcome;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first filter in, the last out: freezes the call's verdict, the one value the governance
 * headers and the audit record are both rendered from, and writes the record. The answer leaves
 * only once the record is durable; if it cannot be written the caller gets 503
 * {@code audit_unavailable} instead (and {@link AuditGateFilter} keeps further calls from the
 * provider while the store is failing). Every
 * call is recorded, refused and blocked ones included; an idempotent replay is not a new call and
 * is not recorded again.
 */
public final class AuditFilter implements Filter, AnswerHalf {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditStore store;
    private final LongSupplier nanoTime;

    /** This filter's one answer to every request: go on, and show me the answer. */
    private final Future<Step> proceed = Step.proceed(this);

    /**
     * Creates the filter.
     *
     * @param store where records go
     * @param nanoTime the monotonic clock, for the call's latency
     */
    public AuditFilter(AuditStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        return proceed;
    }

    @Override
    public Future<Answer> onAnswer(Exchange exchange, Answer answer) {
        if (answer instanceof Answer.Replay) {
            return Future.succeededFuture(answer);
        }
        if (answer instanceof Answer.Chunked chunked) {
            return Future.succeededFuture(chunked.through(new StreamRecord(exchange)));
        }
        Optional<Rejection> rejection =
                answer instanceof Answer.Failure f ? Optional.of(f.rejection()) : Optional.empty();
        int status = rejection.map(r -> r.code().status()).orElse(200);
        return write(exchange, exchange.freeze(status, rejection, nanoTime.getAsLong()))
                .transform(ar -> {
                    if (ar.succeeded()) {
                        return Future.succeededFuture(answer);
                    }
                    Rejection unavailable = AuditGateFilter.UNAVAILABLE;
                    exchange.freeze(unavailable.code().status(), Optional.of(unavailable), nanoTime.getAsLong());
                    return Future.succeededFuture(new Answer.Failure(unavailable));
                });
    }

    private Future<Void> write(Exchange exchange, Verdict v) {
        AuditEntry entry = AuditEntry.of(v).withContent(content(exchange));
        Context context = Vertx.currentContext();
        Future<Void> written = context == null
                ? Future.fromCompletionStage(store.append(entry))
                : Future.fromCompletionStage(store.append(entry), context);
        return written.onFailure(e -> LOG.error("audit record {} could not be stored", v.auditId()));
    }

    /**
     * The redacted prompt and answer, when the workspace keeps content and the call got as far as
     * redaction (a call refused before it never had its messages forwarded, so keeps none).
     */
    private static Optional<AuditContent> content(Exchange exchange) {
        // Kept only once redaction ran (the workspace is known then), and maybe for the trace only.
        return exchange.forwardedMessages()
                .filter(messages -> exchange.workspace().storesContent())
                .map(messages -> new AuditContent(messages.toString(), exchange.answerText()));
    }

    /**
     * Records a streamed call once its stream ended: how it ended and how many chunks the caller
     * got. A stream broken off by the provider, by a failed check or by the caller going away is
     * recorded as such, with the status the caller already received.
     */
    private final class StreamRecord implements ChunkTransform {
        private final Exchange exchange;
        private long delivered;

        StreamRecord(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            delivered++;
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            exchange.streamed(new StreamOutcome(true, "provider", delivered));
            return write(exchange, exchange.freeze(200, Optional.empty(), nanoTime.getAsLong()));
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            Optional<Rejection> why;
            String endedBy;
            if (cause instanceof ClientGone) {
                why = Optional.empty();
                endedBy = "client";
            } else if (cause instanceof ProviderException pe && pe.kind() == ProviderException.Kind.TIMEOUT) {
                why = Optional.of(Rejection.of(ErrorCode.UPSTREAM_TIMEOUT, "the provider's stream went silent"));
                endedBy = "provider";
            } else if (cause instanceof ProviderException) {
                why = Optional.of(Rejection.of(ErrorCode.UPSTREAM_ERROR, "the provider's stream broke off"));
                endedBy = "provider";
            } else {
                why = Optional.of(Rejection.of(ErrorCode.INTERNAL_ERROR, "a check of the answer failed"));
                endedBy = "gateway";
            }
            exchange.streamed(new StreamOutcome(false, endedBy, delivered));
            // The caller already has a 200 and the start of the answer; the record says how it ended.
            Verdict v = exchange.freeze(200, why, nanoTime.getAsLong());
            return write(exchange, v).recover(e -> Future.succeededFuture());
        }
    }
}
