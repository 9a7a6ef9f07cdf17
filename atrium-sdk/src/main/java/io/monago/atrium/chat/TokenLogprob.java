package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.List;

/**
 * One token of an answer with its log probability and the most likely alternatives.
 *
 * <pre>{@code
 * double p = Math.exp(tokenLogprob.logprob());
 * }</pre>
 *
 * @param token the token text
 * @param logprob its log probability
 * @param bytes its UTF-8 bytes, empty when the provider sent none
 * @param topLogprobs the most likely tokens at this position
 */
public record TokenLogprob(String token, double logprob, List<Integer> bytes, List<TopLogprob> topLogprobs) {

    /**
     * Copies the lists.
     *
     * @param token the token
     * @param logprob the log probability
     * @param bytes the bytes
     * @param topLogprobs the alternatives
     */
    public TokenLogprob {
        bytes = List.copyOf(bytes);
        topLogprobs = List.copyOf(topLogprobs);
    }

    /**
     * Reads one token entry.
     *
     * @param node one element of {@code logprobs.content}
     * @return the value
     */
    public static TokenLogprob fromJson(JsonNode node) {
        return new TokenLogprob(
                JsonFields.stringOrEmpty(node, "token"),
                JsonFields.doubleValue(node, "logprob").orElse(0),
                JsonFields.list(node, "bytes", JsonNode::asInt),
                JsonFields.list(node, "top_logprobs", TopLogprob::fromJson));
    }
}
