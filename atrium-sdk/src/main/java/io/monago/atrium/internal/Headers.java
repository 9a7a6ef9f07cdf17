package io.monago.atrium.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Header maps as the SDK keeps them: names case-insensitive (as on the wire), values in arrival
 * order, unmodifiable.
 *
 * <p>Internal: not part of the public API.
 */
public final class Headers {

    private Headers() {}

    /**
     * Copies a header map into an unmodifiable, case-insensitive one. Values of names that differ
     * only by case are merged.
     *
     * @param headers the headers; values may be empty lists
     * @return the copy
     */
    public static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            List<String> merged = out.computeIfAbsent(name, k -> new ArrayList<>(values.size()));
            merged.addAll(values);
        });
        out.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The first value of a header, looked up without regard to case.
     *
     * @param headers the headers (any map; a case-insensitive one is looked up directly)
     * @param name the header name
     * @return the first value, or empty when absent
     */
    public static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        if (values == null) {
            // Direct lookup misses on a case-sensitive map; a header list is short, so scan it.
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (name.equalsIgnoreCase(e.getKey())) {
                    values = e.getValue();
                    break;
                }
            }
        }
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
