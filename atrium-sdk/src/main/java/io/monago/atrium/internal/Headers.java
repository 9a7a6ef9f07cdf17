package io.monago.atrium.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
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
        return Collections.unmodifiableSortedMap(out);
    }

    private static boolean isCaseInsensitive(Map<String, List<String>> headers) {
        return headers instanceof SortedMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER;
    }

    /**
     * The value of a header as RFC 9110 §5.3 defines it: every line of that name, in order, joined
     * with {@code ", "}. A list-valued header sent as {@code NIK} on one line and {@code PHONE} on the
     * next thus reads {@code NIK, PHONE}, as if sent on one line.
     *
     * @param headers the headers (any map; a case-insensitive one is looked up directly, and in
     *     another every name that matches without regard to case counts)
     * @param name the header name
     * @return the combined value, or empty when the header is absent
     */
    public static Optional<String> value(Map<String, List<String>> headers, String name) {
        List<String> values = isCaseInsensitive(headers) ? headers.get(name) : null;
        if (values == null) {
            // A case-sensitive map may hold the name in several spellings; a header list is short, so scan it.
            values = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (name.equalsIgnoreCase(e.getKey())) {
                    values.addAll(e.getValue());
                }
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.size() == 1 ? values.get(0) : String.join(", ", values));
    }
}
