package io.monago.atrium.gateway.config;

import java.util.Optional;

/**
 * A configuration file that cannot be used. The message names the file, the line and the field, so
 * the operator can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param file the file's path as given, or a description such as {@code built-in defaults}
     * @param line the 1-based line, or 0 when unknown
     * @param field the field's dotted path, e.g. {@code providers.openai.base_url}; may be empty
     * @param problem what is wrong, as a sentence fragment
     */
    public ConfigException(String file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** {@return the file the problem is in} */
    public String file() {
        return file;
    }

    /** {@return the 1-based line, if known} */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** {@return the field's dotted path} */
    public String field() {
        return field;
    }
}
