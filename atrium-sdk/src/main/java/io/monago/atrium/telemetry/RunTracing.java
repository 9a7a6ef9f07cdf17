package io.monago.atrium.telemetry;

import java.util.Optional;

/**
 * Traces an agent run as one trace: a span for the run, the parent of the span of every model
 * call the run makes, whichever thread makes it. {@code AtriumTracing} is one; give the runner the
 * same instance as the client.
 *
 * <pre>{@code
 * AtriumTracing tracing = AtriumTracing.create(openTelemetry);
 * Atrium client = Atrium.builder().addTelemetry(tracing).build();
 * Runner runner = Runner.builder(client).tracing(tracing).build();
 * runner.run(agent, "...").transcript().traceId();   // Optional[4bf92f3577b34da6a3ce929d0e0e4736]
 * }</pre>
 */
public interface RunTracing {

    /**
     * A run starts.
     *
     * @param runId the run's id, recorded on the span
     * @param flow what runs: the agent's or the flow's name
     * @return the run's span
     */
    RunSpan startRun(String runId, String flow);

    /** The span of one run. Ended exactly once. */
    interface RunSpan {

        /** {@return the W3C trace id of the run, or empty when the span is not recorded} */
        Optional<String> traceId();

        /**
         * Makes the run's span the parent of the calls made on this thread until the scope closes.
         *
         * @return the scope
         */
        Scope enter();

        /**
         * The run ended.
         *
         * @param failure what stopped it, or empty when it finished
         */
        void end(Optional<Throwable> failure);
    }

    /** A span made current on one thread; closing it restores what was current before. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Traces nothing: no span, no trace id. */
    RunTracing NONE = (runId, flow) -> new RunSpan() {
        @Override
        public Optional<String> traceId() {
            return Optional.empty();
        }

        @Override
        public Scope enter() {
            return () -> {};
        }

        @Override
        public void end(Optional<Throwable> failure) {}
    };
}
