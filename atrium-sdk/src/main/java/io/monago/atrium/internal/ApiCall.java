package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Governance;
import java.util.Objects;

/**
 * One endpoint call: method, path under the base URL, JSON body (null for none) and how to read the
 * successful answer.
 *
 * <p>Internal: not part of the public API.
 *
 * @param method the HTTP method
 * @param path the path, starting with {@code /}
 * @param body the request body, or null
 * @param parser reads a successful answer
 * @param <T> the result type
 */
public record ApiCall<T>(String method, String path, JsonNode body, Parser<T> parser) {

    /**
     * Checks the parts.
     *
     * @param method the HTTP method
     * @param path the path
     * @param body the request body, or null
     * @param parser the parser
     */
    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parser, "parser");
    }

    /**
     * Reads a successful answer.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * Reads the body.
         *
         * @param body the parsed JSON body
         * @param governance the governance of the response
         * @return the result
         * @throws IllegalArgumentException when the body does not have the expected shape
         */
        T parse(JsonNode body, Governance governance);
    }
}
