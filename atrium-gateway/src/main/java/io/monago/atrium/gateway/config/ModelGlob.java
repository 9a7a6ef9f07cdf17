package io.monago.atrium.gateway.config;

/**
 * A model name pattern: {@code *} matches any run of characters, {@code ?} one character, anything
 * else itself. Matching is linear in the name's length for patterns with at most one {@code *} run
 * between literals, which is all model names need.
 */
public final class ModelGlob {

    private final String pattern;

    /**
     * Compiles a pattern.
     *
     * @param pattern the glob, e.g. {@code gpt-5*}
     */
    public ModelGlob(String pattern) {
        this.pattern = pattern;
    }

    /** {@return whether the pattern has wildcards (a plain name can be listed in /v1/models)} */
    public boolean isLiteral() {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }

    /** {@return the pattern as written} */
    public String pattern() {
        return pattern;
    }

    /**
     * Tests a name.
     *
     * @param name a model name
     * @return whether it matches
     */
    public boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int mark = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * Tests a name against any of several patterns.
     *
     * @param globs the patterns
     * @param name a model name
     * @return whether one matches
     */
    public static boolean anyMatches(java.util.List<ModelGlob> globs, String name) {
        for (ModelGlob g : globs) {
            if (g.matches(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
