package io.monago.atrium.gateway.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Replaces <code>${NAME}</code> and <code>${NAME:-default}</code> in configuration values with
 * environment variables; <code>$${</code> writes a literal <code>${</code>. Substitution happens on parsed scalar values,
 * never on the raw file, so a variable's content cannot change the file's structure.
 */
final class EnvSubstitution {

    private final Function<String, String> env;

    EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    /**
     * Substitutes every reference in {@code value}.
     *
     * @return the substituted value, or a problem description naming the missing variable
     */
    Result apply(String value) {
        if (value.indexOf('$') < 0) {
            return new Result(value, Optional.empty());
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && value.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && value.startsWith("${", i)) {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    return new Result(value, Optional.of("unterminated ${ in value"));
                }
                String expr = value.substring(i + 2, end);
                int sep = expr.indexOf(":-");
                String name = sep < 0 ? expr : expr.substring(0, sep);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    return new Result(value, Optional.of("invalid environment variable name '" + name + "'"));
                }
                String resolved = env.apply(name);
                if (resolved == null || (resolved.isEmpty() && sep >= 0)) {
                    if (sep < 0) {
                        return new Result(
                                value,
                                Optional.of("environment variable " + name + " is not set (write ${" + name
                                        + ":-default} to give a default)"));
                    }
                    resolved = expr.substring(sep + 2);
                }
                out.append(resolved);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(out.toString(), Optional.empty());
    }

    record Result(String value, Optional<String> problem) {}
}
