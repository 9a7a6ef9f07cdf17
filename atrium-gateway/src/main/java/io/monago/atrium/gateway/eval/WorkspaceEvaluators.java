package io.monago.atrium.gateway.eval;

import java.util.List;
import java.util.Map;

/**
 * Every workspace's compiled evaluators, by stage: part of the policy snapshot, so a reloaded
 * configuration swaps them with the rest of the policy.
 *
 * @param pre request evaluators by workspace id, in configured order
 * @param post answer evaluators by workspace id, in configured order
 */
public record WorkspaceEvaluators(
        Map<String, List<ConfiguredEvaluator>> pre, Map<String, List<ConfiguredEvaluator>> post) {

    /** No evaluators anywhere. */
    public static final WorkspaceEvaluators NONE = new WorkspaceEvaluators(Map.of(), Map.of());

    /**
     * Copies the maps.
     *
     * @param pre see the record description
     * @param post see the record description
     */
    public WorkspaceEvaluators {
        pre = Map.copyOf(pre);
        post = Map.copyOf(post);
    }

    /**
     * A workspace's evaluators at a stage.
     *
     * @param workspace the workspace id
     * @param stage the stage
     * @return its evaluators, in configured order; empty when none
     */
    public List<ConfiguredEvaluator> of(String workspace, EvalStage stage) {
        return (stage == EvalStage.PRE ? pre : post).getOrDefault(workspace, List.of());
    }
}
