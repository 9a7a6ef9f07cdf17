package io.monago.atrium.gateway.validate;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;

/**
 * The body must be within the size limit and a valid chat-completions request; parses it once
 * (off the event loop when it is large) and reads the caller's audit tags.
 */
public final class ValidateFilter implements Filter {

    private final ChatRequestValidator validator;
    private final RequestTagReader tags;
    private final Offload offload;
    private final long maxBodyBytes;

    /**
     * Creates the filter.
     *
     * @param validator the body validator
     * @param tags the tag reader
     * @param offload moves parsing a large body off the event loop
     * @param maxBodyBytes the body limit, for the message when a body is over it
     */
    public ValidateFilter(ChatRequestValidator validator, RequestTagReader tags, Offload offload, long maxBodyBytes) {
        this.validator = validator;
        this.tags = tags;
        this.offload = offload;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        if (exchange.request().oversized()) {
            return Step.reject(Rejection.of(
                    ErrorCode.REQUEST_TOO_LARGE, "the request body is over the limit of " + maxBodyBytes + " bytes"));
        }
        byte[] raw = exchange.request().body();
        return offload.run(raw.length, () -> validator.validate(raw)).map(r -> accept(exchange, r));
    }

    private Step accept(Exchange exchange, ChatRequestValidator.Result r) {
        if (r.rejection() != null) {
            return new Step.Reject(r.rejection());
        }
        exchange.body(r.body(), r.model());
        RequestTagReader.Result t = tags.read(exchange.request(), r.body());
        if (t.problem() != null) {
            return new Step.Reject(Rejection.invalid(t.problem()));
        }
        exchange.tags(t.tags());
        if (r.body().path("stream").asBoolean(false)) {
            return new Step.Reject(Rejection.invalid(
                    "stream: true is not supported by this gateway yet; send the request without stream"));
        }
        return Step.CONTINUE;
    }
}
