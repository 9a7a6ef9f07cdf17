package io.monago.atrium.gateway.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers on which line of the configuration file each field was written, keyed by dotted path
 * ({@code workspaces[0].pii.action}), so validation errors can point at the line.
 */
final class SourceMap {

    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();

    SourceMap(String file) {
        this.file = file;
    }

    void put(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line of the field, or of its closest enclosing field written in the file. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = parent(p);
        }
        return 0;
    }

    ConfigException error(String path, String problem) {
        return new ConfigException(file, lineOf(path), path, problem);
    }

    String file() {
        return file;
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
