package io.monago.atrium.guard.security.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for one line of JSON Lines: objects of strings, numbers, booleans, null and arrays.
 * The guard module has no runtime dependencies, and the corpus files need no JSON library.
 */
public final class JsonLine {
    private final String text;
    private int at;

    private JsonLine(String text) {
        this.text = text;
    }

    /**
     * Parses one line holding a JSON object.
     *
     * @param line the line
     * @return its fields
     */
    public static Map<String, Object> parseObject(String line) {
        JsonLine parser = new JsonLine(line);
        Object value = parser.value();
        parser.skipSpace();
        if (!(value instanceof Map) || parser.at != line.length()) {
            throw new IllegalArgumentException("not one JSON object: " + abbreviate(line));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    private Object value() {
        skipSpace();
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> {
                expect("true");
                yield true;
            }
            case 'f' -> {
                expect("false");
                yield false;
            }
            case 'n' -> {
                expect("null");
                yield null;
            }
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(":");
            object.put(key, value());
            skipSpace();
            char c = text.charAt(at++);
            if (c == '}') {
                return object;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            array.add(value());
            skipSpace();
            char c = text.charAt(at++);
            if (c == ']') {
                return array;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        expect("\"");
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private Number number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw error("unexpected character");
        }
        String digits = text.substring(start, at);
        return digits.contains(".") || digits.contains("e") || digits.contains("E")
                ? (Number) Double.parseDouble(digits)
                : (Number) Long.parseLong(digits);
    }

    private void expect(String literal) {
        if (!text.startsWith(literal, at)) {
            throw error("expected " + literal);
        }
        at += literal.length();
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at column " + at + " of " + abbreviate(text));
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
