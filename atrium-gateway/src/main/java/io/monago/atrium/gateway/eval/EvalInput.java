package io.monago.atrium.gateway.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * What an evaluator reads about one call. The text is the request as forwarded (after redaction)
 * or the answer as released (after governance); it stays in the gateway's memory, except that a
 * callout sends it with every PII value replaced.
 *
 * @param auditId the call's audit id
 * @param workspace the workspace id
 * @param model the requested model, if known
 * @param stage pre or post
 * @param text the text to evaluate
 * @param responseFormat the request's {@code response_format}, if it set one
 * @param inputPii entity types found in the request
 * @param outputPii entity types found in the answer (empty at the pre stage)
 */
public record EvalInput(
        String auditId,
        String workspace,
        Optional<String> model,
        EvalStage stage,
        String text,
        Optional<JsonNode> responseFormat,
        Set<String> inputPii,
        Set<String> outputPii) {

    /**
     * Copies the sets.
     *
     * @param auditId see the record description
     * @param workspace see the record description
     * @param model see the record description
     * @param stage see the record description
     * @param text see the record description
     * @param responseFormat see the record description
     * @param inputPii see the record description
     * @param outputPii see the record description
     */
    public EvalInput {
        inputPii = Set.copyOf(inputPii);
        outputPii = Set.copyOf(outputPii);
    }

    /** Keeps the text out of logs. */
    @Override
    public String toString() {
        return "EvalInput[auditId=" + auditId + ", stage=" + stage.wire() + ", chars=" + text.length() + "]";
    }
}
