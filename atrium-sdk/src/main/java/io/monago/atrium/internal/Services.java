package io.monago.atrium.internal;

import io.monago.atrium.CallFuture;
import io.monago.atrium.RawResponse;
import io.monago.atrium.RequestOptions;
import io.monago.atrium.audit.AuditListParams;
import io.monago.atrium.audit.AuditPage;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.audit.EvaluationReceipt;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.protocol.EvalHeader;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.monago.atrium.services.AsyncAudit;
import io.monago.atrium.services.AsyncChat;
import io.monago.atrium.services.AsyncChatCompletions;
import io.monago.atrium.services.AsyncModels;
import io.monago.atrium.services.AsyncRawChatCompletions;
import io.monago.atrium.services.Audit;
import io.monago.atrium.services.Chat;
import io.monago.atrium.services.ChatCompletions;
import io.monago.atrium.services.Models;
import io.monago.atrium.services.RawChatCompletions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The implementations of the service interfaces: each maps one method to an {@link Endpoints} call
 * run by the shared {@link ApiClient}, blocking or async.
 *
 * <p>Internal: not part of the public API.
 */
public final class Services {

    private Services() {}

    /**
     * The blocking chat service.
     *
     * @param api the client
     * @return the service
     */
    public static Chat chat(ApiClient api) {
        RawChatCompletions raw = (request, options) -> api.execute(Endpoints.createChatCompletion(request), options);
        ChatCompletions completions = new ChatCompletions() {
            @Override
            public ChatCompletion create(ChatCompletionRequest request, RequestOptions options) {
                return raw.create(request, options).body();
            }

            @Override
            public ChatCompletionStream createStreaming(ChatCompletionRequest request, RequestOptions options) {
                return new BlockingChatCompletionStream(
                        api.openStream(Endpoints.streamChatCompletion(request), options));
            }

            @Override
            public RawChatCompletions withRawResponse() {
                return raw;
            }
        };
        return () -> completions;
    }

    /**
     * The async chat service.
     *
     * @param api the client
     * @return the service
     */
    public static AsyncChat asyncChat(ApiClient api) {
        AsyncRawChatCompletions raw =
                (request, options) -> api.executeAsync(Endpoints.createChatCompletion(request), options);
        AsyncChatCompletions completions = new AsyncChatCompletions() {
            @Override
            public CallFuture<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options) {
                return bodyOf(raw.create(request, options));
            }

            @Override
            public ChatCompletionPublisher createStreaming(ChatCompletionRequest request, RequestOptions options) {
                var call = Endpoints.streamChatCompletion(request);
                Objects.requireNonNull(options, "options");
                return new AsyncChatCompletionPublisher(
                        () -> api.openStreamAsync(call, options), api.completionExecutor());
            }

            @Override
            public AsyncRawChatCompletions withRawResponse() {
                return raw;
            }
        };
        return () -> completions;
    }

    /**
     * The blocking models service.
     *
     * @param api the client
     * @return the service
     */
    public static Models models(ApiClient api) {
        return options -> api.execute(Endpoints.listModels(), options).body();
    }

    /**
     * The async models service.
     *
     * @param api the client
     * @return the service
     */
    public static AsyncModels asyncModels(ApiClient api) {
        return options -> bodyOf(api.executeAsync(Endpoints.listModels(), options));
    }

    /**
     * The blocking audit service.
     *
     * @param api the client
     * @return the service
     */
    public static Audit audit(ApiClient api) {
        return new Audit() {
            @Override
            public AuditRecord retrieve(String auditId, RequestOptions options) {
                return api.execute(Endpoints.retrieveAudit(auditId), options).body();
            }

            @Override
            public AuditPage listPage(AuditListParams params, RequestOptions options) {
                return api.execute(listAudit(params), options).body();
            }

            @Override
            public EvaluationReceipt recordEvaluations(
                    String auditId, Map<String, Double> scores, RequestOptions options) {
                return api.execute(Endpoints.recordEvaluations(auditId), withEval(options, scores))
                        .body();
            }
        };
    }

    /** The caller's options with the scores in {@code X-Monago-Eval}. */
    private static RequestOptions withEval(RequestOptions options, Map<String, Double> scores) {
        String value = EvalHeader.format(scores);
        RequestOptions.Builder b = RequestOptions.builder();
        options.maxRetries().ifPresent(b::maxRetries);
        options.timeout().ifPresent(b::timeout);
        options.streamIdleTimeout().ifPresent(b::streamIdleTimeout);
        options.idempotencyKey().ifPresent(b::idempotencyKey);
        options.headers().forEach(b::header);
        return b.header(ProtocolHeaders.EVAL, value).build();
    }

    /** {@code GET /audit?...}: one page of an audit search. */
    private static ApiCall<AuditPage> listAudit(AuditListParams params) {
        String query = params.toQueryString();
        return new ApiCall<>(
                "GET",
                "/audit" + (query.isEmpty() ? "" : "?" + query),
                null,
                (body, governance) -> AuditPage.fromJson(body));
    }

    /**
     * The async audit service.
     *
     * @param api the client
     * @return the service
     */
    public static AsyncAudit asyncAudit(ApiClient api) {
        return new AsyncAudit() {
            @Override
            public CompletableFuture<AuditRecord> retrieve(String auditId, RequestOptions options) {
                return bodyOf(api.executeAsync(Endpoints.retrieveAudit(auditId), options));
            }

            @Override
            public CompletableFuture<AuditPage> listPage(AuditListParams params, RequestOptions options) {
                return bodyOf(api.executeAsync(listAudit(params), options));
            }

            @Override
            public CompletableFuture<EvaluationReceipt> recordEvaluations(
                    String auditId, Map<String, Double> scores, RequestOptions options) {
                return bodyOf(api.executeAsync(Endpoints.recordEvaluations(auditId), withEval(options, scores)));
            }
        };
    }

    /**
     * The body of a raw future, as a future that still cancels the call when cancelled (a plain
     * {@code thenApply} would not pass cancellation back).
     */
    private static <T> CallFuture<T> bodyOf(CallFuture<RawResponse<T>> raw) {
        CallFuture<T> body = new CallFuture<>(raw::answered);
        // Both callbacks end their chains: each only passes an outcome on, so the futures they
        // return have nothing more to report.
        var unusedOutcome = raw.whenComplete((response, error) -> {
            if (error != null) {
                body.completeExceptionally(error);
            } else {
                body.complete(response.body());
            }
        });
        var unusedCancellation = body.whenComplete((value, error) -> {
            if (body.isCancelled()) {
                raw.cancel(true);
            }
        });
        return body;
    }
}
