package io.monago.atrium.gateway.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Exchange;

/**
 * A step on the way back: it may inspect and rewrite the provider's completion before the caller
 * sees it (output PII redaction, restoring reversible placeholders). Runs on the event loop.
 */
@FunctionalInterface
public interface AnswerStep {

    /**
     * Applies the step.
     *
     * @param exchange the call's state
     * @param completion the {@code chat.completion} object, rewritten in place
     */
    void apply(Exchange exchange, ObjectNode completion);
}
