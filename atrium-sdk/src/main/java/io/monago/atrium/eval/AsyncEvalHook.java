package io.monago.atrium.eval;

import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An evaluator of the caller's own that scores without blocking (an LLM judge called
 * asynchronously, a remote service): {@link AsyncEvaluatingChat} runs it.
 *
 * <pre>{@code
 * AsyncEvalHook judge = subject -> judgeClient.rate(subject.answer())
 *         .thenApply(rating -> Map.of("judge", rating / 10.0));
 * }</pre>
 */
@FunctionalInterface
public interface AsyncEvalHook {

    /**
     * Runs before a sampled request is sent; the request waits for it. By default nothing.
     *
     * @param request the request
     * @return completes when done
     */
    default CompletionStage<Void> beforeRequest(ChatCompletionRequest request) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Scores an answer.
     *
     * @param subject the request, the answer and its governance
     * @return evaluator name to score; empty to record nothing
     */
    CompletionStage<Map<String, Double>> score(EvalSubject subject);
}
