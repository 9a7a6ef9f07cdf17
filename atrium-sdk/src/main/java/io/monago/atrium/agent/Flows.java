package io.monago.atrium.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Orchestration primitives: compose agents (and other flows) into a sequence, a parallel fan-out
 * with a join, a loop that runs until a condition holds, and a supervisor that routes work to
 * sub-agents. Handoffs between agents are declared on the agent ({@link Agent.Builder#handoffs}).
 *
 * <pre>{@code
 * Flow flow = Flows.sequence(
 *         intake,
 *         Flows.parallel(List.of(cardiology, pulmonology), Flows.joinWith(summariser)),
 *         Flows.loop(reviewer, answer -> answer.contains("APPROVED"), 3));
 * }</pre>
 */
public final class Flows {

    private Flows() {}

    /**
     * Runs flows one after another, each on the previous one's answer; the first gets the input.
     *
     * @param steps the flows
     * @return the flow; its answer is the last one's
     */
    public static Flow sequence(Flow... steps) {
        List<Flow> all = List.of(steps);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one flow");
        }
        return new Flow() {
            @Override
            public String name() {
                return "sequence" + names(all);
            }

            @Override
            Output execute(Run run, String input) {
                Output out = Output.text(input);
                for (Flow step : all) {
                    out = step.execute(run, out.text());
                }
                return out;
            }
        };
    }

    /**
     * Runs flows at the same time on the same input, then joins their answers.
     *
     * @param branches the flows
     * @param join how to combine the answers, e.g. {@link #joinWith(Agent)} or {@link #concatenate()}
     * @return the flow; its answer is the join's
     */
    public static Flow parallel(List<? extends Flow> branches, Join join) {
        List<Flow> all = List.copyOf(branches);
        Objects.requireNonNull(join, "join");
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a parallel fan-out needs at least one flow");
        }
        return new Flow() {
            @Override
            public String name() {
                return "parallel" + names(all);
            }

            @Override
            Output execute(Run run, String input) {
                List<CompletableFuture<Output>> futures = new ArrayList<>();
                for (Flow branch : all) {
                    futures.add(CompletableFuture.supplyAsync(() -> branch.execute(run, input), run.executor));
                }
                List<Branch> answers = new ArrayList<>();
                RuntimeException failure = null;
                for (int i = 0; i < all.size(); i++) {
                    try {
                        answers.add(new Branch(
                                all.get(i).name(), futures.get(i).join().text()));
                    } catch (CompletionException e) {
                        // The run fails: stop the other branches at their next step, and report the
                        // failure that caused it rather than the cancellations that follow it.
                        run.cancel();
                        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                        if (failure == null || failure instanceof RunCancelledException) {
                            failure = cause;
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return join.fn.join(run, input, answers);
            }
        };
    }

    /**
     * Runs a flow, then again on its own answer, until the condition holds for an answer or the
     * flow has run {@code maxIterations} times; the answer is the last one.
     *
     * @param body the flow
     * @param until tested on each answer
     * @param maxIterations most runs of the body
     * @return the flow
     */
    public static Flow loop(Flow body, Predicate<String> until, int maxIterations) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(until, "until");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
        }
        return new Flow() {
            @Override
            public String name() {
                return "loop[" + body.name() + "]";
            }

            @Override
            Output execute(Run run, String input) {
                Output out = body.execute(run, input);
                for (int i = 1; i < maxIterations && !until.test(out.text()); i++) {
                    out = body.execute(run, out.text());
                }
                return out;
            }
        };
    }

    /**
     * A supervisor: an agent that may ask each worker for help ({@code ask_<worker>} tools), reads
     * their answers and answers itself. The model routes; every worker's calls are steps of the
     * same run.
     *
     * @param supervisor the routing agent
     * @param workers the agents it may ask
     * @return the supervisor with the workers added as sub-agents
     */
    public static Agent supervisor(Agent supervisor, Agent... workers) {
        return supervisor.toBuilder().subAgents(workers).build();
    }

    /**
     * Joins branch answers by a function of them.
     *
     * @param combine given the answers in branch order
     * @return the join
     */
    public static Join join(Function<List<String>, String> combine) {
        Objects.requireNonNull(combine, "combine");
        return new Join((run, input, answers) -> Flow.Output.text(
                combine.apply(answers.stream().map(Branch::answer).toList())));
    }

    /**
     * Joins branch answers into one text, each under its flow's name.
     *
     * @return the join
     */
    public static Join concatenate() {
        return new Join((run, input, answers) -> Flow.Output.text(labelled(answers)));
    }

    /**
     * Joins branch answers by giving them, with the original input, to an agent whose answer is the
     * fan-out's.
     *
     * @param joiner the agent that combines
     * @return the join
     */
    public static Join joinWith(Agent joiner) {
        Objects.requireNonNull(joiner, "joiner");
        return new Join((run, input, answers) ->
                joiner.execute(run, "Request:\n" + input + "\n\nAnswers:\n\n" + labelled(answers)));
    }

    private static String labelled(List<Branch> answers) {
        StringBuilder b = new StringBuilder();
        for (Branch a : answers) {
            b.append(b.length() == 0 ? "" : "\n\n")
                    .append("## ")
                    .append(a.flow())
                    .append("\n")
                    .append(a.answer());
        }
        return b.toString();
    }

    private static String names(List<Flow> flows) {
        return flows.stream().map(Flow::name).toList().toString();
    }

    /** One branch's answer. */
    record Branch(String flow, String answer) {}

    /** How a parallel fan-out combines its branches' answers; made by the factories of {@link Flows}. */
    public static final class Join {
        final JoinFunction fn;

        Join(JoinFunction fn) {
            this.fn = fn;
        }
    }

    /** The combining code of a {@link Join}. */
    @FunctionalInterface
    interface JoinFunction {
        Flow.Output join(Run run, String input, List<Branch> answers);
    }
}
