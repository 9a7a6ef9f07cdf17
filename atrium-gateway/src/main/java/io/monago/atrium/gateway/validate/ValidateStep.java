package io.monago.atrium.gateway.validate;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.pipeline.GovernanceStep;
import java.util.Optional;

/** Step: parse the body once, check it, and read the caller's audit tags. */
public final class ValidateStep implements GovernanceStep {

    private final ChatRequestValidator validator;
    private final RequestTagReader tags;

    /**
     * Creates the step.
     *
     * @param validator the body validator
     * @param tags the tag reader
     */
    public ValidateStep(ChatRequestValidator validator, RequestTagReader tags) {
        this.validator = validator;
        this.tags = tags;
    }

    @Override
    public Optional<Rejection> apply(Exchange exchange) {
        ChatRequestValidator.Result r = validator.validate(exchange.request().body());
        if (r.rejection() != null) {
            return Optional.of(r.rejection());
        }
        exchange.body(r.body());
        exchange.model(r.model());
        RequestTagReader.Result t = tags.read(exchange.request(), r.body());
        if (t.problem() != null) {
            return Optional.of(Rejection.invalid(t.problem()));
        }
        exchange.tags(t.tags());
        if (r.body().path("stream").asBoolean(false)) {
            return Optional.of(Rejection.invalid(
                    "stream: true is not supported by this gateway yet; " + "send the request without stream"));
        }
        return Optional.empty();
    }
}
