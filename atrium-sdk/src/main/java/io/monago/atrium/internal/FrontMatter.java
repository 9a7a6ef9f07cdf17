package io.monago.atrium.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The front matter of a Markdown file: a block between two {@code ---} lines at its start, read as
 * flat {@code key: value} lines (values may be quoted; indented lines, the nested parts of a key
 * such as {@code metadata:}, are skipped). Enough for the {@code name} and {@code description} of
 * an Agent Skills {@code SKILL.md}.
 *
 * <p>Internal: not part of the public API.
 *
 * @param fields the top-level scalar fields
 * @param body the text after the block
 */
public record FrontMatter(Map<String, String> fields, String body) {

    /**
     * Copies the fields.
     *
     * @param fields fields
     * @param body body
     */
    public FrontMatter {
        fields = Map.copyOf(fields);
    }

    /**
     * Parses a file's text.
     *
     * @param text the whole file
     * @param source what the file is, for messages
     * @return the front matter and body
     * @throws IllegalArgumentException when the text does not start with a closed front matter block
     */
    public static FrontMatter parse(String text, String source) {
        String normalised = text.replace("\r\n", "\n");
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        if (!normalised.startsWith("---\n")) {
            throw new IllegalArgumentException(source + " must start with a '---' front matter block");
        }
        int end = normalised.indexOf("\n---", 3);
        if (end < 0) {
            throw new IllegalArgumentException(source + ": the front matter block is not closed with '---'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : normalised.substring(4, end + 1).split("\n", -1)) {
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(source + ": front matter line is not 'key: value': " + line);
            }
            fields.put(
                    line.substring(0, colon).strip(),
                    unquote(line.substring(colon + 1).strip()));
        }
        int bodyStart = normalised.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : normalised.substring(bodyStart + 1);
        return new FrontMatter(fields, body.strip());
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
