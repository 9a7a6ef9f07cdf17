package io.monago.atrium.agent;

import java.util.Optional;

/**
 * Something a {@link Runner} can run on a text input: an {@link Agent}, or a composition of flows
 * made with {@link Flows} (sequence, parallel fan-out with a join, loop, supervisor). Every model
 * call a flow makes, at any depth, belongs to the same run: one run id, one step counter, one set
 * of limits, one transcript.
 *
 * <pre>{@code
 * Flow pipeline = Flows.sequence(intake, Flows.parallel(List.of(cardiology, pulmonology), summariser));
 * RunResult result = runner.run(pipeline, "Pasien batuk 2 minggu, sesak saat naik tangga");
 * }</pre>
 */
public abstract class Flow {

    Flow() {}

    /**
     * The flow's name, for the transcript and messages.
     *
     * @return the name
     */
    public abstract String name();

    abstract Output execute(Run run, String input);

    /** What a flow produced: its text and, for an agent with a typed output, the parsed value. */
    record Output(String text, Optional<Object> value) {
        static Output text(String text) {
            return new Output(text, Optional.empty());
        }
    }
}
