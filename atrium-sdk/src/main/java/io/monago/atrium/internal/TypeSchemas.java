package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Derives a JSON Schema from a Java type: strings, booleans, integers, decimals, enums, records,
 * lists, sets, arrays, {@code Optional}s, string-keyed maps and {@code JsonNode} (anything). A record
 * is an object whose components are its properties, every one required but the {@code Optional}s,
 * and no other property allowed.
 *
 * <p>Internal: not part of the public API.
 */
public final class TypeSchemas {

    private TypeSchemas() {}

    /**
     * The schema of a type.
     *
     * @param type the type
     * @param describe the description of an annotated element (a record component), or empty
     * @return a new schema
     * @throws IllegalArgumentException when the type, or a type inside it, is not supported (the
     *     message names it) or a record contains itself
     */
    public static ObjectNode of(Type type, Function<AnnotatedElement, Optional<String>> describe) {
        return derive(type, describe, new HashSet<>());
    }

    /**
     * Whether a type is {@code Optional<...>}.
     *
     * @param type the type
     * @return true for {@code Optional} and its parameterisations
     */
    public static boolean isOptional(Type type) {
        return raw(type) == Optional.class;
    }

    /**
     * The class of a type, its raw class for a parameterised one.
     *
     * @param type the type
     * @return the class, or null for a type variable or wildcard
     */
    public static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return null;
    }

    /**
     * The first type argument of a parameterised type ({@code T} of {@code List<T>}).
     *
     * @param type the type
     * @param index which argument
     * @return the argument
     * @throws IllegalArgumentException when the type is raw
     */
    public static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException("a raw " + type.getTypeName() + " has no element type; give it one");
    }

    private static ObjectNode derive(
            Type type, Function<AnnotatedElement, Optional<String>> describe, Set<Class<?>> visiting) {
        Class<?> c = raw(type);
        if (c == null) {
            throw new IllegalArgumentException("cannot derive a JSON schema for " + type.getTypeName());
        }
        ObjectNode schema = Json.object();
        if (c == String.class || c == char.class || c == Character.class) {
            return schema.put("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return schema.put("type", "boolean");
        }
        if (c == int.class
                || c == long.class
                || c == short.class
                || c == byte.class
                || c == Integer.class
                || c == Long.class
                || c == Short.class
                || c == Byte.class
                || c == BigInteger.class) {
            return schema.put("type", "integer");
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class || c == BigDecimal.class) {
            return schema.put("type", "number");
        }
        if (c.isEnum()) {
            ArrayNode values = schema.put("type", "string").putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (c == Optional.class) {
            return derive(argument(type, 0), describe, visiting);
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return schema;
        }
        if (c.isArray()) {
            Type element = type instanceof GenericArrayType g ? g.getGenericComponentType() : c.getComponentType();
            schema.put("type", "array").set("items", derive(element, describe, visiting));
            return schema;
        }
        if (Collection.class.isAssignableFrom(c)) {
            schema.put("type", "array").set("items", derive(argument(type, 0), describe, visiting));
            if (Set.class.isAssignableFrom(c)) {
                schema.put("uniqueItems", true);
            }
            return schema;
        }
        if (Map.class.isAssignableFrom(c)) {
            if (argument(type, 0) != String.class) {
                throw new IllegalArgumentException(
                        "a map in a JSON schema needs String keys, not " + type.getTypeName());
            }
            schema.put("type", "object").set("additionalProperties", derive(argument(type, 1), describe, visiting));
            return schema;
        }
        if (c.isRecord()) {
            if (!visiting.add(c)) {
                throw new IllegalArgumentException("record " + c.getName() + " contains itself; a schema cannot");
            }
            ObjectNode properties = schema.put("type", "object").putObject("properties");
            ArrayNode required = Json.array();
            for (RecordComponent component : c.getRecordComponents()) {
                ObjectNode property = derive(component.getGenericType(), describe, visiting);
                describe.apply(component).ifPresent(d -> property.put("description", d));
                properties.set(component.getName(), property);
                if (!isOptional(component.getGenericType())) {
                    required.add(component.getName());
                }
            }
            schema.set("required", required);
            schema.put("additionalProperties", false);
            visiting.remove(c);
            return schema;
        }
        throw new IllegalArgumentException("cannot derive a JSON schema for " + type.getTypeName()
                + ": use a primitive, String, enum, record, List, Set, array, Optional, Map<String, ?> or JsonNode");
    }
}
