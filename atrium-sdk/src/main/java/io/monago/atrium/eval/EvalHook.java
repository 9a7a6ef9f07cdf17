package io.monago.atrium.eval;

import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.Map;

/**
 * A blocking evaluator of the caller's own: sees each sampled request before it is sent, and
 * scores its answer afterwards. Scores are evaluator name to a number from 0 to 1 (names of 1 to
 * 64 of {@code A-Z a-z 0-9 _ . -}); {@link EvaluatingChat} records them in the call's audit trail.
 *
 * <pre>{@code
 * EvalHook lengthCheck = subject -> Map.of("too_long", subject.answer().length() > 2000 ? 1.0 : 0.0);
 * }</pre>
 */
@FunctionalInterface
public interface EvalHook {

    /**
     * Runs before a sampled request is sent (to note what was asked, start a timer...). By
     * default nothing.
     *
     * @param request the request
     */
    default void beforeRequest(ChatCompletionRequest request) {}

    /**
     * Scores an answer.
     *
     * @param subject the request, the answer and its governance
     * @return evaluator name to score; empty to record nothing
     */
    Map<String, Double> score(EvalSubject subject);
}
