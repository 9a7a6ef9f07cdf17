package io.monago.atrium.telemetry;

import java.util.Map;
import java.util.Optional;

/**
 * Puts an evaluated call in a span of its own, the parent of the call's span, and the hook's scores
 * on it: the scores travel with the call's trace. {@code AtriumTracing} is one; give the evaluating
 * chat the same instance as the client.
 *
 * <pre>{@code
 * AtriumTracing tracing = AtriumTracing.create(openTelemetry);
 * Atrium client = Atrium.builder().addTelemetry(tracing).build();
 * EvaluatingChat chat = EvaluatingChat.builder(client, hook).tracing(tracing).build();
 * // span "atrium.evaluate" {atrium.eval.polite=0.92} > span "chat gpt-5.4-mini" > the gateway's spans
 * }</pre>
 */
public interface EvalTracing {

    /**
     * An evaluated call starts.
     *
     * @return its span
     */
    EvalSpan startEvaluation();

    /** The span of one evaluated call. Ended exactly once. */
    interface EvalSpan {

        /**
         * Makes the span the parent of the calls made on this thread until the scope closes.
         *
         * @return the scope
         */
        RunTracing.Scope enter();

        /**
         * The hook's scores, as attributes {@code atrium.eval.<name>}.
         *
         * @param scores evaluator name to score
         */
        void scores(Map<String, Double> scores);

        /**
         * The evaluated call ended.
         *
         * @param failure what failed, or empty
         */
        void end(Optional<Throwable> failure);
    }

    /** Traces nothing. */
    EvalTracing NONE = () -> new EvalSpan() {
        @Override
        public RunTracing.Scope enter() {
            return () -> {};
        }

        @Override
        public void scores(Map<String, Double> scores) {}

        @Override
        public void end(Optional<Throwable> failure) {}
    };
}
