package io.monago.atrium.tool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a tool given as a lambda: it receives the arguments (already checked against the
 * tool's schema) and returns the result, which is written as JSON unless it is a {@code String}.
 *
 * <pre>{@code
 * ToolHandler handler = args -> Map.of("ward", wards.of(args.path("mrn").asText()));
 * }</pre>
 */
@FunctionalInterface
public interface ToolHandler {

    /**
     * Runs the tool.
     *
     * @param arguments the arguments object
     * @return the result; a {@code String} is sent as is, anything else as JSON
     * @throws Exception whatever the tool throws; it becomes a tool result the model reads
     */
    Object call(JsonNode arguments) throws Exception;
}
