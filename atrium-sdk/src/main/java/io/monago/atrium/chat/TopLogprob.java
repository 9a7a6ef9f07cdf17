package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;

/**
 * An alternative token at one position of an answer.
 *
 * <pre>{@code
 * tokenLogprob.topLogprobs().forEach(alt -> System.out.println(alt.token()));
 * }</pre>
 *
 * @param token the token text
 * @param logprob its log probability
 * @param bytes its UTF-8 bytes, empty when the provider sent none
 */
public record TopLogprob(String token, double logprob, List<Integer> bytes) {

    /**
     * Copies the list.
     *
     * @param token the token
     * @param logprob the log probability
     * @param bytes the bytes
     */
    public TopLogprob {
        bytes = List.copyOf(bytes);
    }

    /**
     * Reads one alternative.
     *
     * @param node one element of {@code top_logprobs}
     * @return the value
     */
    public static TopLogprob fromJson(JsonNode node) {
        return new TopLogprob(
                JsonFields.stringOrEmpty(node, "token"),
                JsonFields.doubleValue(node, "logprob").orElse(0),
                JsonFields.list(node, "bytes", JsonNode::asInt));
    }
}
