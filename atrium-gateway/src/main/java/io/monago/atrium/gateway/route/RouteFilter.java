package io.monago.atrium.gateway.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the provider that serves the requested model ({@code model_not_found} when none does) and
 * rewrites the body's {@code model} to the name the provider knows. On the way back the caller sees
 * the model the provider says answered, or the upstream name when the provider said none.
 */
public final class RouteFilter implements Filter {

    private final ModelRouter router;

    /**
     * Creates the filter.
     *
     * @param router the model router
     */
    public RouteFilter(ModelRouter router) {
        this.router = router;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        String model = exchange.model().orElseThrow();
        Optional<ModelRoute> found = router.route(model);
        if (found.isEmpty()) {
            return Step.reject(Rejection.of(ErrorCode.MODEL_NOT_FOUND, "no provider serves model '" + model + "'"));
        }
        ModelRoute route = found.get();
        exchange.route(route);
        exchange.provider(route.provider().name());
        exchange.body().put("model", route.upstreamModel());
        return Step.proceed(new ModelNamed(route.upstreamModel()));
    }

    /** The answer half: an answer always names its model. */
    private record ModelNamed(String upstreamModel) implements AnswerHalf, ChunkTransform {

        @Override
        public Future<Answer> onAnswer(Exchange exchange, Answer answer) {
            if (answer instanceof Answer.Completion c) {
                name(c.body());
            } else if (answer instanceof Answer.Chunked chunked) {
                return Future.succeededFuture(chunked.through(this));
            }
            return Future.succeededFuture(answer);
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            name(chunk);
            out.accept(chunk);
        }

        private void name(ObjectNode body) {
            if (body.path("model").asText("").isEmpty()) {
                body.put("model", upstreamModel);
            }
        }
    }
}
