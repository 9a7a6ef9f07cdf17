package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a Java value of the types {@link TypeSchemas} describes from a JSON value that has already
 * been checked against that schema. It binds records through their canonical constructor and
 * {@code Optional}s itself, which Jackson's databind alone does not.
 *
 * <p>Internal: not part of the public API.
 */
public final class TypeBinder {

    private TypeBinder() {}

    /**
     * Binds a value.
     *
     * @param type the target type
     * @param value the JSON value; null or a JSON null binds to empty, null or a primitive's zero
     * @return the bound value
     * @throws IllegalArgumentException when the value does not fit (the message names where, never
     *     the value)
     */
    public static Object bind(Type type, JsonNode value) {
        try {
            return bind(type, value, "");
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a number is not whole or out of range for its Java type", e);
        }
    }

    private static Object bind(Type type, JsonNode value, String path) {
        Class<?> c = TypeSchemas.raw(type);
        if (c == null) {
            throw new IllegalArgumentException(where(path) + "cannot bind to " + type.getTypeName());
        }
        if (c == Optional.class) {
            return value == null || value.isNull()
                    ? Optional.empty()
                    : Optional.of(bind(TypeSchemas.argument(type, 0), value, path));
        }
        if (value == null || value.isNull()) {
            return c.isPrimitive() ? Array.get(Array.newInstance(c, 1), 0) : null;
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return value.deepCopy();
        }
        if (c == String.class) {
            return value.asText();
        }
        if (c == char.class || c == Character.class) {
            String text = value.asText();
            if (text.length() != 1) {
                throw new IllegalArgumentException(where(path) + "expected a single character");
            }
            return text.charAt(0);
        }
        if (c == boolean.class || c == Boolean.class) {
            return value.booleanValue();
        }
        if (c == int.class || c == Integer.class) {
            return exact(value, path).intValueExact();
        }
        if (c == long.class || c == Long.class) {
            return exact(value, path).longValueExact();
        }
        if (c == short.class || c == Short.class) {
            return exact(value, path).shortValueExact();
        }
        if (c == byte.class || c == Byte.class) {
            return exact(value, path).byteValueExact();
        }
        if (c == BigInteger.class) {
            return exact(value, path).toBigIntegerExact();
        }
        if (c == double.class || c == Double.class) {
            return value.doubleValue();
        }
        if (c == float.class || c == Float.class) {
            return value.floatValue();
        }
        if (c == BigDecimal.class) {
            return value.decimalValue();
        }
        if (c.isEnum()) {
            return enumConstant(c, value.asText(), path);
        }
        if (c.isArray()) {
            Type element = type instanceof GenericArrayType g ? g.getGenericComponentType() : c.getComponentType();
            Class<?> elementClass = TypeSchemas.raw(element);
            Object array = Array.newInstance(elementClass == null ? Object.class : elementClass, value.size());
            for (int i = 0; i < value.size(); i++) {
                Array.set(array, i, bind(element, value.get(i), path + "[" + i + "]"));
            }
            return array;
        }
        if (Collection.class.isAssignableFrom(c)) {
            Collection<Object> items = Set.class.isAssignableFrom(c) ? new LinkedHashSet<>() : new ArrayList<>();
            Type element = TypeSchemas.argument(type, 0);
            for (int i = 0; i < value.size(); i++) {
                items.add(bind(element, value.get(i), path + "[" + i + "]"));
            }
            return items instanceof List<?> ? List.copyOf(items) : Collections.unmodifiableSet((Set<?>) items);
        }
        if (Map.class.isAssignableFrom(c)) {
            Map<String, Object> map = new LinkedHashMap<>();
            Type element = TypeSchemas.argument(type, 1);
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                map.put(e.getKey(), bind(element, e.getValue(), join(path, e.getKey())));
            }
            return Collections.unmodifiableMap(map);
        }
        if (c.isRecord()) {
            return record(c, value, path);
        }
        throw new IllegalArgumentException(where(path) + "cannot bind to " + type.getTypeName());
    }

    /**
     * Writes a value as JSON the way {@link #bind} reads it: records by their components (through
     * their accessors, so a record need not be public), {@code Optional}s as their content or
     * null, enums by name; other values with Jackson.
     *
     * @param value the value; may be null
     * @return the tree
     * @throws IllegalArgumentException when a record accessor fails or Jackson cannot write a value
     */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (value instanceof Optional<?> o) {
            return toJson(o.orElse(null));
        }
        if (value instanceof Enum<?> e) {
            return TextNode.valueOf(e.name());
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = Json.array();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            ArrayNode array = Json.array();
            for (Object item : (Object[]) value) {
                array.add(toJson(item));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Record) {
            ObjectNode object = Json.object();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    object.set(component.getName(), toJson(accessor.invoke(value)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException(
                            "cannot read " + value.getClass().getName() + "." + component.getName()
                                    + " (on the module path, open its package to io.monago.atrium)",
                            e);
                }
            }
            return object;
        }
        return Json.toTree(value);
    }

    private static Object record(Class<?> c, JsonNode value, String path) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = bind(
                    components[i].getGenericType(),
                    value.get(components[i].getName()),
                    join(path, components[i].getName()));
        }
        try {
            Constructor<?> constructor = c.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            // The record's own check refused the value; its message is the record's, meant for callers.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(
                    where(path) + c.getSimpleName() + " refused the value: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot construct " + c.getName() + " (on the module path, open its package to io.monago.atrium): "
                            + e.getMessage(),
                    e);
        }
    }

    private static Object enumConstant(Class<?> c, String name, String path) {
        for (Object constant : c.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(where(path) + "not one of the values of " + c.getSimpleName());
    }

    private static BigDecimal exact(JsonNode value, String path) {
        try {
            return value.decimalValue().stripTrailingZeros();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where(path) + "not a whole number in range", e);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
