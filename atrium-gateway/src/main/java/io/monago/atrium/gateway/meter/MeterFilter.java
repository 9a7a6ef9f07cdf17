package io.monago.atrium.gateway.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Meters what the provider produced, right where it comes back: the usage the provider reported,
 * or, when it reported none, the tokens counted the way OpenAI counts them (and written into the
 * answer's {@code usage}); then the cost in rupiah from the route's prices. A call that never
 * reached the provider costs nothing.
 */
public final class MeterFilter implements Filter, AnswerHalf {

    private final TokenCounter tokens;
    private final CostMeter costs;
    private final Offload offload;

    /** This filter's one answer to every request: go on, and show me the answer. */
    private final Future<Step> proceed = Step.proceed(this);

    /**
     * Creates the filter.
     *
     * @param tokens counts tokens when the provider reports no usage
     * @param costs prices usage
     * @param offload moves counting a large call's tokens off the event loop
     */
    public MeterFilter(TokenCounter tokens, CostMeter costs, Offload offload) {
        this.tokens = tokens;
        this.costs = costs;
        this.offload = offload;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        return proceed;
    }

    @Override
    public Future<Answer> onAnswer(Exchange exchange, Answer answer) {
        if (answer instanceof Answer.Completion c) {
            if (c.usage().isPresent()) {
                meter(exchange, c.usage().get());
                return Future.succeededFuture(answer);
            }
            ObjectNode sent = exchange.body();
            return offload.run(
                            exchange.request().body().length,
                            () -> new Usage(tokens.countPrompt(sent), countCompletion(c.body())))
                    .map(usage -> {
                        meter(exchange, usage);
                        usage.writeTo(c.body().putObject("usage")); // the caller always sees usage
                        return answer;
                    });
        }
        if (answer instanceof Answer.Chunked chunked) {
            return Future.succeededFuture(chunked.through(new StreamMeter(exchange)));
        }
        return Future.succeededFuture(answer);
    }

    private void meter(Exchange exchange, Usage usage) {
        ModelRoute route = exchange.route();
        exchange.metered(usage, costs.costIdr(route, usage));
    }

    private long countCompletion(ObjectNode completion) {
        long out = 0;
        for (JsonNode choice : completion.path("choices")) {
            out += tokens.count(choice.path("message").path("content").asText(""));
        }
        return out;
    }

    /** Meters a streamed answer: the usage chunk when the provider sends one, else the text counted. */
    private final class StreamMeter implements ChunkTransform {
        private final Exchange exchange;
        private final StringBuilder written = new StringBuilder();
        private Optional<Usage> reported = Optional.empty();

        StreamMeter(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            JsonNode u = chunk.get("usage");
            if (u != null && u.path("prompt_tokens").canConvertToLong()) {
                reported = Optional.of(new Usage(
                        u.path("prompt_tokens").asLong(),
                        u.path("completion_tokens").asLong()));
                if (chunk.path("choices").isEmpty()) {
                    return; // the provider's usage chunk: the caller gets usage in the final chunk
                }
            }
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode content = choice.path("delta").get("content");
                if (content != null && content.isTextual()) {
                    written.append(content.asText());
                }
            }
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            return settle();
        }

        @Override
        public Future<Void> onFailure(Throwable cause) {
            return settle(); // what was streamed before the break was produced, and is billed
        }

        private Future<Void> settle() {
            if (reported.isPresent()) {
                meter(exchange, reported.get());
                return Future.succeededFuture();
            }
            ObjectNode sent = exchange.body();
            String text = written.toString();
            return offload.run(
                            exchange.request().body().length + text.length(),
                            () -> new Usage(tokens.countPrompt(sent), tokens.count(text)))
                    .map(usage -> {
                        meter(exchange, usage);
                        return null;
                    });
        }
    }
}
