package io.monago.atrium.gateway.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.config.LimitSettings;
import io.monago.atrium.gateway.config.OnStoreError;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a call within its key's and workspace's rate limits and budgets. Before the provider is
 * called it estimates the call (prompt tokens plus the answer's token limit, or the configured
 * default; priced at the routed model's prices) and reserves that; a call that does not fit gets
 * 429 {@code rate_limit_exceeded} or {@code budget_exceeded} with {@code Retry-After} set to the end
 * of the window that refused it. Once the answer is metered (for a stream: once it ended) the
 * reservation is replaced by the real usage; a call that was refused later or failed is settled at
 * zero. It also tells the rules what the caller has used so far. A call with no limit on its key or
 * workspace, in a workspace without rules, is not counted at all: nothing would read the count.
 *
 * <p>When the store cannot be reached, the workspace's {@code on_store_error} decides: a call
 * under a limit that fails closed gets 503 {@code service_unavailable} and the provider is not
 * called; otherwise it goes on uncounted. Either way the audit record's matched rules say so
 * ({@value #STORE_FAILED_CLOSED} or {@value #STORE_FAILED_OPEN}).
 */
public final class LimitFilter implements Filter {

    /** Matched in the audit record of a call refused because the limit store was unreachable. */
    public static final String STORE_FAILED_CLOSED = "limit.store_unavailable.fail_closed";

    /** Matched in the audit record of a call admitted, uncounted, because the store was unreachable. */
    public static final String STORE_FAILED_OPEN = "limit.store_unavailable.fail_open";

    /** When to retry a call refused because the store was unreachable. */
    static final long STORE_RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(LimitFilter.class);
    private static final long LOG_EVERY_MS = 10_000;

    private final LimitStore store;
    private final TokenCounter tokens;
    private final Offload offload;
    private final Map<String, LimitSettings> keyLimits;
    private final long defaultMaxTokens;
    private final double usdToIdr;
    private final Map<String, OnStoreError> onStoreError;
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

    /**
     * Creates the filter; every workspace has the default {@code on_store_error}.
     *
     * @param store where calls, tokens and rupiah are counted
     * @param tokens counts the prompt's tokens for the estimate
     * @param offload moves counting a large prompt off the event loop
     * @param keyLimits each key's own limits, by key id
     * @param defaultMaxTokens the answer tokens reserved when the caller sets no limit
     * @param usdToIdr rupiah per US dollar
     */
    public LimitFilter(
            LimitStore store,
            TokenCounter tokens,
            Offload offload,
            Map<String, LimitSettings> keyLimits,
            long defaultMaxTokens,
            double usdToIdr) {
        this(store, tokens, offload, keyLimits, defaultMaxTokens, usdToIdr, Map.of());
    }

    /**
     * Creates the filter.
     *
     * @param store where calls, tokens and rupiah are counted
     * @param tokens counts the prompt's tokens for the estimate
     * @param offload moves counting a large prompt off the event loop
     * @param keyLimits each key's own limits, by key id
     * @param defaultMaxTokens the answer tokens reserved when the caller sets no limit
     * @param usdToIdr rupiah per US dollar
     * @param onStoreError each workspace's choice when the store is unreachable, by workspace id
     */
    public LimitFilter(
            LimitStore store,
            TokenCounter tokens,
            Offload offload,
            Map<String, LimitSettings> keyLimits,
            long defaultMaxTokens,
            double usdToIdr,
            Map<String, OnStoreError> onStoreError) {
        this.store = store;
        this.tokens = tokens;
        this.offload = offload;
        this.keyLimits = Map.copyOf(keyLimits);
        this.defaultMaxTokens = defaultMaxTokens;
        this.usdToIdr = usdToIdr;
        this.onStoreError = Map.copyOf(onStoreError);
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        return admit(exchange)
                .recover(e -> e instanceof StoreUnreachable u
                        ? Future.succeededFuture(storeUnreachable(exchange, u))
                        : Future.failedFuture(e));
    }

    private Future<Step> admit(Exchange exchange) {
        Principal p = exchange.principal().orElseThrow();
        WorkspacePolicy ws = exchange.workspace();
        LimitSettings key = keyLimits.getOrDefault(p.keyId(), LimitSettings.NONE);
        LimitSettings workspace = ws.limits();
        boolean limited = key.any() || workspace.any();
        if (!limited && ws.rules().rules().isEmpty()) {
            return Step.proceed(); // nothing to enforce, and no rule reads what was used
        }
        ObjectNode body = exchange.body();
        long answerTokens = maxTokens(body);
        Future<Long> prompt = limited
                ? offload.run(exchange.request().body().length, () -> tokens.countPrompt(body))
                : Future.succeededFuture(0L);
        return prompt.compose(promptTokens -> {
            ModelRoute route = exchange.route();
            double idr = (promptTokens * route.inputUsdPerMillion() + answerTokens * route.outputUsdPerMillion())
                    / 1_000_000.0
                    * usdToIdr;
            Demand demand = new Demand(
                    p.keyId(),
                    ws.id(),
                    key,
                    workspace,
                    promptTokens + answerTokens,
                    idr,
                    exchange.receivedAt(),
                    ws.zone());
            return reserve(demand).map(admission -> {
                exchange.usageSoFar(admission.usage());
                if (admission.refusal().isPresent()) {
                    Admission.Refusal r = admission.refusal().get();
                    exchange.matchedRule("limit." + r.limit().replace(' ', '.'));
                    return (Step) new Step.Reject(Rejection.limited(
                            r.code(),
                            "the " + r.limit() + " limit is reached; retry after " + r.retryAfterSeconds() + " s",
                            r.retryAfterSeconds()));
                }
                return (Step) new Step.Proceed(new Settle(demand));
            });
        });
    }

    /** The store's answer, or a failure marked as the store's rather than the estimate's. */
    private Future<Admission> reserve(Demand demand) {
        return store.reserve(demand).recover(e -> Future.failedFuture(new StoreUnreachable(e)));
    }

    /** The store did not answer: refuse or admit uncounted, as the workspace chose, and record which. */
    private Step storeUnreachable(Exchange exchange, StoreUnreachable e) {
        LimitSettings key =
                keyLimits.getOrDefault(exchange.principal().orElseThrow().keyId(), LimitSettings.NONE);
        LimitSettings workspace = exchange.workspace().limits();
        OnStoreError choice = onStoreError.getOrDefault(exchange.workspace().id(), OnStoreError.DEFAULT);
        boolean rates = key.rpm().isPresent()
                || key.tpm().isPresent()
                || workspace.rpm().isPresent()
                || workspace.tpm().isPresent();
        boolean budgets = key.perDay().isPresent()
                || key.perMonth().isPresent()
                || workspace.perDay().isPresent()
                || workspace.perMonth().isPresent();
        boolean refuse = (rates && !choice.rateLimitsFailOpen()) || (budgets && !choice.budgetsFailOpen());
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_MS && lastLogged.compareAndSet(last, now)) {
            LOG.warn(
                    "the limit store cannot be reached ({}); calls under limits that fail closed are refused, others admitted uncounted",
                    e.getCause().toString());
        }
        if (refuse) {
            exchange.matchedRule(STORE_FAILED_CLOSED);
            return new Step.Reject(Rejection.limited(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "the limit store cannot be reached and this workspace's limits fail closed; retry shortly",
                    STORE_RETRY_AFTER_SECONDS));
        }
        exchange.matchedRule(STORE_FAILED_OPEN);
        return Step.CONTINUE;
    }

    /** Marks a failure of the store, as against one of the estimate. */
    private static final class StoreUnreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnreachable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private long maxTokens(ObjectNode body) {
        JsonNode n = body.get("max_completion_tokens");
        if (n == null || !n.canConvertToLong()) {
            n = body.get("max_tokens");
        }
        return n != null && n.canConvertToLong() ? n.asLong() : defaultMaxTokens;
    }

    /** The answer half: replaces the reservation with what the call used. */
    private final class Settle implements AnswerHalf {
        private final Demand demand;

        Settle(Demand demand) {
            this.demand = demand;
        }

        @Override
        public Future<Answer> onAnswer(Exchange exchange, Answer answer) {
            if (answer instanceof Answer.Chunked chunked) {
                return Future.succeededFuture(chunked.through(new SettleAtEnd(this, exchange)));
            }
            return settle(exchange).map(answer);
        }

        /** The exchange holds the metered usage and cost; zero when nothing was metered. */
        Future<Void> settle(Exchange exchange) {
            return store.settle(demand, exchange.usage().totalTokens(), exchange.costIdr())
                    .recover(e -> {
                        // The answer is not held back for the count: the call was admitted and made.
                        LOG.warn("a call's usage could not be settled in the limit store ({})", e.toString());
                        return Future.succeededFuture();
                    });
        }
    }

    /** Settles a stream once it ended, normally or not: metering has counted it by then. */
    private record SettleAtEnd(Settle settle, Exchange exchange) implements ChunkTransform {

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            return settle.settle(exchange);
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            return settle.settle(exchange);
        }
    }
}
