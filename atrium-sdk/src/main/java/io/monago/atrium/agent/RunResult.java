package io.monago.atrium.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * What a run produced: the final answer, the typed value when the last agent has an output type,
 * and the transcript of every step with its governance.
 *
 * <pre>{@code
 * RunResult r = runner.run(triage, "RM-0042 chest pain");
 * Triage t = r.output(Triage.class);
 * System.out.printf("Rp %.2f over %d calls%n", r.transcript().totalCostIdr(), r.transcript().modelCalls().size());
 * }</pre>
 */
public final class RunResult {

    private final String text;
    private final Optional<Object> value;
    private final Transcript transcript;

    RunResult(String text, Optional<Object> value, Transcript transcript) {
        this.text = Objects.requireNonNull(text, "text");
        this.value = Objects.requireNonNull(value, "value");
        this.transcript = Objects.requireNonNull(transcript, "transcript");
    }

    /**
     * The run's id, sent as {@code atrium_run_id} metadata on each of its calls.
     *
     * @return the id
     */
    public String runId() {
        return transcript.runId();
    }

    /**
     * The final answer as the model wrote it (for a typed output, the JSON text).
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The final answer parsed to the last agent's output type.
     *
     * @param type the type expected
     * @param <T> the type
     * @return the value
     * @throws IllegalStateException when the run ended in an agent without an output type, or with
     *     one of another type
     */
    public <T> T output(Class<T> type) {
        Object v = value.orElseThrow(() -> new IllegalStateException("the run's last agent has no output type"));
        if (!type.isInstance(v)) {
            throw new IllegalStateException(
                    "the run's output is a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /**
     * Every step of the run with its governance, and the totals.
     *
     * @return the transcript
     */
    public Transcript transcript() {
        return transcript;
    }

    @Override
    public String toString() {
        return "RunResult{runId=" + runId() + ", steps=" + transcript.steps().size() + ", costIdr="
                + transcript.totalCostIdr() + "}";
    }
}
