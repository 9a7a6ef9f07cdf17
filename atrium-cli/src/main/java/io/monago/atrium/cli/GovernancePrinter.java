package io.monago.atrium.cli;

import io.monago.atrium.Governance;
import io.monago.atrium.errors.AtriumException;
import java.util.List;
import java.util.OptionalDouble;

/** Prints governance fields and typed errors the same way for every command. */
final class GovernancePrinter {

    private final Terminal t;

    GovernancePrinter(Terminal t) {
        this.t = t;
    }

    void governance(Governance g) {
        row("audit id", g.auditId().orElse("-"));
        row("PII detected", Boolean.toString(g.piiDetected()));
        row("PII redacted", list(g.piiRedacted()));
        row("policy decision", decision(g.decisionWord().orElse("-")));
        row("provider", g.provider().orElse("-"));
        row("latency", number(g.latencyMs(), "ms"));
        row("cost", number(g.costIdr(), "IDR"));
        row("security incidents", list(g.securityIncidents()));
        row("block reason", g.blockReason().orElse("-"));
    }

    void error(AtriumException e) {
        row("exception", t.red(e.getClass().getSimpleName()) + " (HTTP " + e.statusCode() + ")");
        row("message", e.getMessage());
        row("error code", e.errorCode().orElse("-"));
        row("block reason", e.blockReason().orElse("-"));
        row("audit id", e.auditId().orElse("-"));
        if (!e.governance().securityIncidents().isEmpty()) {
            row("security incidents", list(e.governance().securityIncidents()));
        }
        if (!e.governance().piiRedacted().isEmpty()) {
            row("PII withheld", list(e.governance().piiRedacted()));
        }
    }

    void row(String label, String value) {
        t.println("    " + t.dim(String.format("%-19s", label)) + " " + value);
    }

    private String decision(String d) {
        return switch (d) {
            case "allowed" -> t.green(d);
            case "flagged" -> t.yellow(d);
            case "blocked", "rejected" -> t.red(d);
            default -> d;
        };
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "-" : String.join(", ", items);
    }

    static String number(OptionalDouble value, String unit) {
        if (value.isEmpty()) {
            return "-";
        }
        double v = value.getAsDouble();
        String s = v == Math.rint(v)
                ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return s + " " + unit;
    }
}
