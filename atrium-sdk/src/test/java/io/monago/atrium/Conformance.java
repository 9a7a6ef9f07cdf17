package io.monago.atrium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the shared protocol cases from the repository's {@code conformance/} folder. */
final class Conformance {

    private static final Path DIR = Path.of("..", "conformance");

    private Conformance() {}

    static JsonNode load(String file) {
        try {
            return new ObjectMapper().readTree(DIR.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> cases(String file) {
        List<JsonNode> out = new ArrayList<>();
        load(file).get("cases").forEach(out::add);
        return out;
    }

    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null) {
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
