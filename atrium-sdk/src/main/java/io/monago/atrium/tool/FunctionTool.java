package io.monago.atrium.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.chat.FunctionDefinition;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.SchemaValidator;
import io.monago.atrium.internal.TypeBinder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tool a model may call: a name, a description, the JSON Schema of its arguments and the code
 * that runs it. Make one from an annotated method ({@link Tools#from(Object)}), from a record type
 * and a lambda ({@link #of(String, String, Class, TypedHandler)}), or from an explicit schema and a
 * lambda ({@link #builder(String)}).
 *
 * <pre>{@code
 * record WardQuery(@Param("medical record number") String mrn) {}
 *
 * FunctionTool ward = FunctionTool.of("find_ward", "Finds the ward a patient is in",
 *         WardQuery.class, q -> wards.of(q.mrn()));
 * }</pre>
 *
 * <p>{@link #invoke(String)} checks the arguments against the schema before the code runs, and turns
 * every failure (arguments that are not JSON or do not fit, an exception of the tool) into a
 * {@link ToolResult} the model can read, never into an exception of the run. A failure's text names
 * the field at fault, never its value. One exception is let through: an
 * {@link io.monago.atrium.errors.AtriumException} the tool's own call to a gateway raised (a block,
 * say), because that is a governance decision the run must stop on.
 */
public final class FunctionTool {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String name;
    private final String description;
    private final ObjectNode parameters;
    private final boolean requiresApproval;
    private final ToolHandler handler;

    private FunctionTool(Builder b) {
        this.name = b.name;
        this.description = Objects.requireNonNull(b.description, "description");
        this.parameters = Objects.requireNonNull(b.parameters, "parameters").deepCopy();
        this.requiresApproval = b.requiresApproval;
        this.handler = Objects.requireNonNull(b.handler, "handler");
    }

    /**
     * A tool whose arguments are a record (or any type {@link JsonSchemas#of} supports), its schema
     * derived from the type.
     *
     * <pre>{@code
     * FunctionTool tool = FunctionTool.of("find_ward", "Finds a ward", WardQuery.class, q -> wards.of(q.mrn()));
     * }</pre>
     *
     * @param name the name the model calls it by ({@code [A-Za-z0-9_-]}, at most 64)
     * @param description what it does, for the model
     * @param argumentsType the arguments' type, usually a record
     * @param handler the code, given the bound arguments
     * @param <A> the arguments' type
     * @return the tool
     * @throws IllegalArgumentException when the name is not valid or the type has no schema
     */
    public static <A> FunctionTool of(
            String name, String description, Class<A> argumentsType, TypedHandler<A> handler) {
        Objects.requireNonNull(argumentsType, "argumentsType");
        Objects.requireNonNull(handler, "handler");
        ObjectNode schema = JsonSchemas.of(argumentsType);
        if (!"object".equals(schema.path("type").asText())) {
            throw new IllegalArgumentException(
                    "tool arguments must be an object (a record or a map), not " + argumentsType.getName());
        }
        return builder(name)
                .description(description)
                .parameters(schema)
                .handler(args -> handler.apply(argumentsType.cast(TypeBinder.bind(argumentsType, args))))
                .build();
    }

    /**
     * A builder for a tool with an explicit schema.
     *
     * <pre>{@code
     * FunctionTool tool = FunctionTool.builder("now")
     *         .description("The current time at the hospital")
     *         .parameters(Map.of("type", "object", "properties", Map.of()))
     *         .handler(args -> clock.instant().toString())
     *         .build();
     * }</pre>
     *
     * @param name the name the model calls it by ({@code [A-Za-z0-9_-]}, at most 64)
     * @return the builder
     * @throws IllegalArgumentException when the name is not valid
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The name the model calls the tool by.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What the tool does, for the model.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The JSON Schema of the arguments.
     *
     * @return a copy of the schema
     */
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }

    /**
     * Whether each call needs approval.
     *
     * @return true when the run's approval handler must approve each call
     */
    public boolean requiresApproval() {
        return requiresApproval;
    }

    /**
     * This tool, needing approval for each call or not.
     *
     * @param required whether approval is required
     * @return a new tool
     */
    public FunctionTool withRequiresApproval(boolean required) {
        return builder(name)
                .description(description)
                .parameters(parameters)
                .handler(handler)
                .requiresApproval(required)
                .build();
    }

    /**
     * The tool as it is declared in a request.
     *
     * @return the {@code tools} entry
     */
    public io.monago.atrium.chat.Tool definition() {
        return io.monago.atrium.chat.Tool.function(
                FunctionDefinition.of(name).withDescription(description).withParameters(parameters));
    }

    /**
     * The problems of arguments against the schema.
     *
     * @param arguments the arguments object
     * @return the problems, each naming a field; empty when they fit
     */
    public List<String> validate(JsonNode arguments) {
        return SchemaValidator.problems(parameters, arguments);
    }

    /**
     * Runs the tool on the arguments the model wrote: parses them, checks them, calls the code.
     *
     * <pre>{@code
     * ToolResult r = tool.invoke(toolCall.function().arguments());
     * messages.add(ToolMessage.of(toolCall.id(), r.content()));
     * }</pre>
     *
     * @param argumentsJson the arguments, JSON text; blank reads as {@code {}}
     * @return the result; never throws for bad arguments or a failing tool
     */
    public ToolResult invoke(String argumentsJson) {
        Optional<JsonNode> parsed = argumentsJson == null || argumentsJson.isBlank()
                ? Optional.of(Json.object())
                : Json.parse(argumentsJson);
        if (parsed.isEmpty()) {
            return new ToolResult(
                    "Error: the arguments of " + name + " are not JSON; send a JSON object.",
                    ToolResult.Status.INVALID_ARGUMENTS);
        }
        return invoke(parsed.get());
    }

    /**
     * Runs the tool on parsed arguments.
     *
     * @param arguments the arguments object
     * @return the result; never throws for bad arguments or a failing tool
     */
    public ToolResult invoke(JsonNode arguments) {
        List<String> problems = validate(arguments);
        if (!problems.isEmpty()) {
            return new ToolResult(
                    "Error: invalid arguments for " + name + ": " + String.join("; ", problems)
                            + ". Call it again with arguments that fit its schema.",
                    ToolResult.Status.INVALID_ARGUMENTS);
        }
        Object value;
        try {
            value = handler.call(arguments);
        } catch (AtriumException e) {
            throw e; // the gateway refused a call the tool made: a governance decision, not a tool failure
        } catch (IllegalArgumentException e) {
            return new ToolResult(
                    "Error: " + name + " rejected its arguments: " + message(e), ToolResult.Status.INVALID_ARGUMENTS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolResult("Error: " + name + " was interrupted.", ToolResult.Status.FAILED);
        } catch (Exception e) {
            return new ToolResult("Error: " + name + " failed: " + message(e), ToolResult.Status.FAILED);
        }
        return new ToolResult(render(value), ToolResult.Status.OK);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return Json.text(TypeBinder.toJson(value));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "Error: the result of " + name + " (" + value.getClass().getSimpleName()
                    + ") cannot be written as JSON.";
        }
    }

    @Override
    public String toString() {
        return "FunctionTool{" + name + (requiresApproval ? ", requiresApproval" : "") + "}";
    }

    /**
     * The body of a tool whose arguments are bound to a type.
     *
     * @param <A> the arguments' type
     */
    @FunctionalInterface
    public interface TypedHandler<A> {

        /**
         * Runs the tool.
         *
         * @param arguments the bound arguments
         * @return the result; a {@code String} is sent as is, anything else as JSON
         * @throws Exception whatever the tool throws; it becomes a tool result the model reads
         */
        Object apply(A arguments) throws Exception;
    }

    /** Builds a {@link FunctionTool}. */
    public static final class Builder {

        private final String name;
        private String description = "";
        private ObjectNode parameters = Json.object().put("type", "object").set("properties", Json.object());
        private boolean requiresApproval;
        private ToolHandler handler;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "tool name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
            this.name = name;
        }

        /**
         * Sets what the tool does, for the model.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets the arguments' JSON Schema; the default is an object with no properties.
         *
         * @param schema the schema, an object schema
         * @return this builder
         * @throws IllegalArgumentException when the schema is not an object schema
         */
        public Builder parameters(JsonNode schema) {
            Objects.requireNonNull(schema, "schema");
            if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
                throw new IllegalArgumentException(
                        "the parameters of tool " + name + " must be a JSON Schema of \"type\": \"object\"");
            }
            this.parameters = ((ObjectNode) schema).deepCopy();
            return this;
        }

        /**
         * Sets the arguments' JSON Schema from maps and lists.
         *
         * @param schema the schema
         * @return this builder
         */
        public Builder parameters(java.util.Map<String, ?> schema) {
            return parameters(Json.toTree(schema));
        }

        /**
         * Sets whether each call needs approval.
         *
         * @param required true when the run's approval handler must approve each call
         * @return this builder
         */
        public Builder requiresApproval(boolean required) {
            this.requiresApproval = required;
            return this;
        }

        /**
         * Sets the code that runs the tool.
         *
         * @param handler the code
         * @return this builder
         */
        public Builder handler(ToolHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Builds the tool.
         *
         * @return the tool
         * @throws NullPointerException when no handler was set
         */
        public FunctionTool build() {
            return new FunctionTool(this);
        }
    }
}
