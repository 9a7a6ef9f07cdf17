package io.monago.atrium.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes audit records as CSV (RFC 4180), one row per record with a header row. Counts become
 * {@code TYPE=n} pairs and lists {@code a;b}, separated by semicolons. A text cell that a
 * spreadsheet would run as a formula (it starts with {@code = + - @}) is prefixed with an
 * apostrophe: tags come from callers, and an export is opened by people.
 */
final class CsvRecordWriter {

    static final List<String> COLUMNS = List.of(
            "audit_id",
            "timestamp",
            "workspace",
            "key_id",
            "user",
            "session_id",
            "metadata",
            "model",
            "provider",
            "decision",
            "block_reason",
            "status_code",
            "error_code",
            "pii_input",
            "pii_output",
            "security_incidents",
            "matched_rules",
            "prompt_tokens",
            "completion_tokens",
            "total_tokens",
            "cost_idr",
            "latency_ms",
            "trace_id",
            "prev_hash",
            "hash");

    private final PrintWriter out;

    CsvRecordWriter(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.print(String.join(",", COLUMNS));
        out.print("\r\n");
    }

    void write(JsonNode r) {
        List<String> cells = new ArrayList<>();
        for (String c : COLUMNS) {
            cells.add(cell(r, c));
        }
        out.print(String.join(",", cells));
        out.print("\r\n");
    }

    private static String cell(JsonNode r, String column) {
        return switch (column) {
            case "prompt_tokens", "completion_tokens", "total_tokens" ->
                number(r.path("usage").path(column));
            case "status_code", "cost_idr", "latency_ms" -> number(r.path(column));
            case "metadata", "pii_input", "pii_output" -> quote(pairs(r.path(column)));
            case "security_incidents", "matched_rules" -> quote(list(r.path(column)));
            default -> quote(r.path(column).isTextual() ? r.path(column).asText() : "");
        };
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? n.asText() : "";
    }

    private static String pairs(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            out.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(";", out);
    }

    private static String list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return String.join(";", out);
    }

    static String quote(String text) {
        String t = text;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
