package io.monago.atrium.gateway.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.AnswerHalf;
import io.monago.atrium.gateway.chain.ChunkTransform;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Step;
import io.monago.atrium.gateway.exchange.Exchange;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a workspace's {@code post} evaluators on the answer after governance (it sits outside the
 * answer redaction, so it sees what the caller would get). A whole answer can still be blocked: it
 * is replaced by a {@code policy_blocked} error. A streamed answer is evaluated when it ends; what
 * was already released cannot be taken back, so there {@code block} flags instead.
 */
public final class PostEvaluationFilter implements Filter {
    private final WorkspaceEvaluators evaluators;

    /**
     * Creates the filter.
     *
     * @param evaluators every workspace's evaluators
     */
    public PostEvaluationFilter(WorkspaceEvaluators evaluators) {
        this.evaluators = evaluators;
    }

    @Override
    public Future<Step> onRequest(Exchange exchange) {
        List<ConfiguredEvaluator> list = evaluators.of(exchange.workspace().id(), EvalStage.POST);
        if (list.isEmpty()) {
            return Step.proceed();
        }
        Optional<JsonNode> format = Optional.ofNullable(exchange.body().get("response_format"));
        return Step.proceed(answerHalf(list, format));
    }

    private static AnswerHalf answerHalf(List<ConfiguredEvaluator> list, Optional<JsonNode> format) {
        return (exchange, answer) -> {
            if (answer instanceof Answer.Completion completion) {
                return EvaluationRun.run(
                                exchange, list, input(exchange, CallTexts.answer(completion.body()), format), true)
                        .map(block -> block.<Answer>map(Answer.Failure::new).orElse(answer));
            }
            if (answer instanceof Answer.Chunked chunked) {
                return Future.succeededFuture(chunked.through(new StreamEnd(exchange, list, format)));
            }
            return Future.succeededFuture(answer);
        };
    }

    private static EvalInput input(Exchange exchange, String text, Optional<JsonNode> format) {
        return new EvalInput(
                exchange.auditId(),
                exchange.workspace().id(),
                exchange.model(),
                EvalStage.POST,
                text,
                format,
                exchange.piiInputTypes(),
                exchange.piiOutputTypes());
    }

    /** Passes chunks on untouched, keeps the released text of the first choice, evaluates at the end. */
    private static final class StreamEnd implements ChunkTransform {
        private final Exchange exchange;
        private final List<ConfiguredEvaluator> list;
        private final Optional<JsonNode> format;
        private final StringBuilder text = new StringBuilder();

        StreamEnd(Exchange exchange, List<ConfiguredEvaluator> list, Optional<JsonNode> format) {
            this.exchange = exchange;
            this.list = list;
            this.format = format;
        }

        @Override
        public void onChunk(ObjectNode chunk, Consumer<ObjectNode> out) {
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode content = choice.path("delta").get("content");
                if (choice.path("index").asInt(0) == 0 && content != null && content.isTextual()) {
                    text.append(content.asText());
                }
            }
            out.accept(chunk);
        }

        @Override
        public Future<Void> onEnd(Consumer<ObjectNode> out) {
            return EvaluationRun.run(exchange, list, input(exchange, text.toString(), format), false)
                    .mapEmpty();
        }
    }
}
