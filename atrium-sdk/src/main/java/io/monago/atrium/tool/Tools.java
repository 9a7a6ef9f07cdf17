package io.monago.atrium.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.TypeBinder;
import io.monago.atrium.internal.TypeSchemas;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the {@link Tool}-annotated methods of an object into {@link FunctionTool}s.
 *
 * <pre>{@code
 * final class PatientTools {
 *     @Tool("Finds a patient by medical record number")
 *     public Patient lookupPatient(@Param(name = "mrn", value = "medical record number") String mrn) { ... }
 *
 *     @Tool(value = "Orders a lab test", requiresApproval = true)
 *     public String orderLab(@Param(name = "mrn") String mrn, @Param(name = "test") LabTest test) { ... }
 * }
 * List<FunctionTool> tools = Tools.from(new PatientTools());   // lookup_patient, order_lab
 * }</pre>
 *
 * <p>Each parameter is one property of the arguments object, required unless it is an
 * {@code Optional}. The method must be public and its class readable by this module (on the module
 * path, open the package to {@code io.monago.atrium}).
 */
public final class Tools {

    private Tools() {}

    /**
     * The tools of an object, in name order.
     *
     * @param instance the object whose public {@link Tool} methods to expose
     * @return the tools
     * @throws IllegalArgumentException when the object has none, two share a name, or a parameter
     *     has no name or an unsupported type (the message names the method)
     */
    public static List<FunctionTool> from(Object instance) {
        Objects.requireNonNull(instance, "instance");
        List<Method> methods = new ArrayList<>();
        for (Method m : instance.getClass().getMethods()) {
            if (m.isAnnotationPresent(Tool.class) && !Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(instance.getClass().getName() + " has no public method annotated @Tool");
        }
        List<FunctionTool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Method m : methods) {
            FunctionTool tool = tool(instance, m);
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException(
                        "two @Tool methods of " + instance.getClass().getName() + " are both named " + tool.name());
            }
            tools.add(tool);
        }
        tools.sort(Comparator.comparing(FunctionTool::name));
        return List.copyOf(tools);
    }

    private static FunctionTool tool(Object instance, Method m) {
        Tool annotation = m.getAnnotation(Tool.class);
        String name = annotation.name().isBlank() ? snakeCase(m.getName()) : annotation.name();
        Parameter[] parameters = m.getParameters();
        String[] names = new String[parameters.length];
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.array();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            names[i] = parameterName(m, p);
            ObjectNode property;
            try {
                property = JsonSchemas.of(p.getParameterizedType());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "@Tool " + describe(m) + ", parameter " + names[i] + ": " + e.getMessage(), e);
            }
            JsonSchemas.description(p).ifPresent(d -> property.put("description", d));
            properties.set(names[i], property);
            if (!TypeSchemas.isOptional(p.getParameterizedType())) {
                required.add(names[i]);
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return FunctionTool.builder(name)
                .description(annotation.value())
                .parameters(schema)
                .requiresApproval(annotation.requiresApproval())
                .handler(args -> call(instance, m, parameters, names, args))
                .build();
    }

    private static Object call(Object instance, Method m, Parameter[] parameters, String[] names, JsonNode args)
            throws Exception {
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            try {
                values[i] = TypeBinder.bind(parameters[i].getParameterizedType(), args.get(names[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(names[i] + ": " + e.getMessage(), e);
            }
        }
        try {
            return m.invoke(instance, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static String parameterName(Method m, Parameter p) {
        Param param = p.getAnnotation(Param.class);
        if (param != null && !param.name().isBlank()) {
            return param.name();
        }
        if (p.isNamePresent()) {
            return p.getName();
        }
        throw new IllegalArgumentException("@Tool " + describe(m) + ": parameter " + p.getName()
                + " has no name; compile with -parameters or name it with @Param(name = ...)");
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName()
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
