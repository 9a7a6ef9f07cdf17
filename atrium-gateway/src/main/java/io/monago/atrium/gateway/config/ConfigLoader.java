package io.monago.atrium.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads {@code atrium.yaml}: parses it while remembering each field's line, substitutes
 * {@code ${ENV}} references in values, binds it to {@link GatewayConfig} and validates it with
 * {@link ConfigValidator}. Every problem becomes a {@link ConfigException} naming file, line and field.
 *
 * <pre>{@code
 * GatewayConfig config = new ConfigLoader(System::getenv).load(Path.of("atrium.yaml"));
 * }</pre>
 */
public final class ConfigLoader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private final Function<String, String> env;
    private final ObjectMapper binder;

    /**
     * Creates a loader.
     *
     * @param env environment lookup for {@code ${NAME}} substitution, e.g. {@code System::getenv}
     */
    public ConfigLoader(Function<String, String> env) {
        this.env = env;
        this.binder = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * Loads and validates a file.
     *
     * @param file the YAML file
     * @return the validated configuration
     * @throws ConfigException naming file, line and field when the file cannot be used
     */
    public GatewayConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "", "file not found");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read file: " + e.getMessage());
        }
        return parse(name, text);
    }

    /**
     * Parses and validates configuration text.
     *
     * @param name the name to use in error messages
     * @param text the YAML text
     * @return the validated configuration
     */
    public GatewayConfig parse(String name, String text) {
        SourceMap source = new SourceMap(name);
        JsonNode tree = readTree(source, text);
        if (tree.isMissingNode() || tree.isNull()) {
            tree = JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw source.error("", "the top level must be a mapping of sections (server, providers, models, ...)");
        }
        GatewayConfig config = bind(source, tree);
        new ConfigValidator(source).validate(config);
        return config;
    }

    private JsonNode readTree(SourceMap source, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return JsonNodeFactory.instance.missingNode();
            }
            return readValue(p, source, "");
        } catch (ConfigException e) {
            throw e;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(source.file(), line, "", "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(source.file(), 0, "", "cannot read: " + e.getMessage());
        }
    }

    private JsonNode readValue(JsonParser p, SourceMap source, String path) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case START_OBJECT -> readObject(p, source, path);
            case START_ARRAY -> readArray(p, source, path);
            case VALUE_STRING -> readString(p, source, path);
            case VALUE_NUMBER_INT -> f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
            // YAML 1.2: only true and false are booleans. YAML 1.1 would make `action: off` a
            // boolean, and `off` is a word this file uses.
            case VALUE_TRUE, VALUE_FALSE -> {
                String raw = p.getText();
                yield raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")
                        ? f.booleanNode(Boolean.parseBoolean(raw))
                        : f.textNode(raw);
            }
            case VALUE_NULL -> f.nullNode();
            default ->
                throw new ConfigException(
                        source.file(), p.currentTokenLocation().getLineNr(), path, "unsupported YAML value");
        };
    }

    private ObjectNode readObject(JsonParser p, SourceMap source, String path) throws IOException {
        ObjectNode obj = JsonNodeFactory.instance.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            String childPath = SourceMap.child(path, field);
            int line = p.currentTokenLocation().getLineNr();
            if (obj.has(field)) {
                throw new ConfigException(source.file(), line, childPath, "written twice");
            }
            source.put(childPath, line);
            p.nextToken();
            obj.set(field, readValue(p, source, childPath));
        }
        return obj;
    }

    private ArrayNode readArray(JsonParser p, SourceMap source, String path) throws IOException {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String childPath = SourceMap.element(path, i++);
            source.put(childPath, p.currentTokenLocation().getLineNr());
            arr.add(readValue(p, source, childPath));
        }
        return arr;
    }

    private JsonNode readString(JsonParser p, SourceMap source, String path) throws IOException {
        EnvSubstitution.Result r = new EnvSubstitution(env).apply(p.getText());
        if (r.problem().isPresent()) {
            throw new ConfigException(
                    source.file(),
                    p.currentTokenLocation().getLineNr(),
                    path,
                    r.problem().get());
        }
        return JsonNodeFactory.instance.textNode(r.value());
    }

    private GatewayConfig bind(SourceMap source, JsonNode tree) {
        try {
            return binder.treeToValue(tree, GatewayConfig.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            String problem;
            if (e instanceof UnrecognizedPropertyException u) {
                problem = "unknown field '" + u.getPropertyName() + "'"
                        + (u.getKnownPropertyIds() == null ? "" : "; known fields: " + knownFields(u));
            } else {
                problem = "wrong type or value (" + firstLine(e.getOriginalMessage()) + ")";
            }
            throw source.error(path, problem);
        } catch (JsonProcessingException e) {
            throw source.error("", "cannot be read: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String knownFields(UnrecognizedPropertyException u) {
        return u.getKnownPropertyIds().stream()
                .map(Object::toString)
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private static String pathOf(JsonMappingException e) {
        String path = "";
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path = SourceMap.child(path, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path = SourceMap.element(path, ref.getIndex());
            }
        }
        return path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson names our Java types; the operator knows the YAML, not the classes.
        return line.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z]+)`", "$1").replaceAll(" \\(class [^)]*\\)", "");
    }
}
