package io.monago.atrium.eval;

import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.Objects;

/**
 * What a hook scores: the request as the caller built it, the answer's text as the gateway
 * released it, and the call's governance (its audit id among them).
 *
 * @param request the request
 * @param answer the text of the first choice
 * @param governance the call's governance
 */
public record EvalSubject(ChatCompletionRequest request, String answer, Governance governance) {
    /**
     * Checks the fields.
     *
     * @param request see the record description
     * @param answer see the record description
     * @param governance see the record description
     */
    public EvalSubject {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(governance, "governance");
    }

    /** Keeps the answer out of logs. */
    @Override
    public String toString() {
        return "EvalSubject[auditId=" + governance.auditId().orElse("none") + ", chars=" + answer.length() + "]";
    }
}
