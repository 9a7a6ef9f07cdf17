package io.monago.atrium.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.JsonFields;
import java.util.Optional;

/**
 * A piece of a function call in a streamed answer. The name usually arrives whole in the first
 * piece; the arguments, a JSON text, arrive in fragments to be joined in order (a
 * {@link ChatCompletionAccumulator} does that).
 *
 * <pre>{@code
 * delta.function().flatMap(FunctionCallDelta::arguments).ifPresent(arguments::append);
 * }</pre>
 *
 * @param name the function's name, or its next piece; empty when this piece has none
 * @param arguments the next fragment of the arguments; empty when this piece has none
 */
public record FunctionCallDelta(Optional<String> name, Optional<String> arguments) {

    /**
     * Reads a piece.
     *
     * @param node the {@code function} (or deprecated {@code function_call}) object of a delta
     * @return the piece
     */
    public static FunctionCallDelta fromJson(JsonNode node) {
        return new FunctionCallDelta(JsonFields.string(node, "name"), JsonFields.string(node, "arguments"));
    }
}
