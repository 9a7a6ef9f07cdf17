package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;

/**
 * Log probabilities of a choice's tokens (requested with {@code logprobs: true}).
 *
 * <pre>{@code
 * choice.logprobs().ifPresent(lp -> lp.content().forEach(t -> System.out.println(t.token() + " " + t.logprob())));
 * }</pre>
 *
 * @param content one entry per content token
 * @param refusal one entry per refusal token
 */
public record ChoiceLogprobs(List<TokenLogprob> content, List<TokenLogprob> refusal) {

    /**
     * Copies the lists.
     *
     * @param content content tokens
     * @param refusal refusal tokens
     */
    public ChoiceLogprobs {
        content = List.copyOf(content);
        refusal = List.copyOf(refusal);
    }

    /**
     * Reads the log probabilities.
     *
     * @param node the {@code logprobs} object
     * @return the value
     */
    public static ChoiceLogprobs fromJson(JsonNode node) {
        return new ChoiceLogprobs(
                JsonFields.list(node, "content", TokenLogprob::fromJson),
                JsonFields.list(node, "refusal", TokenLogprob::fromJson));
    }
}
