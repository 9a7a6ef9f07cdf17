package io.monago.atrium.cli;

import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Styles output with ANSI colours when a person is watching: a console is attached, {@code TERM}
 * is not {@code dumb}, and {@code NO_COLOR} is not set. Otherwise plain text.
 */
final class Terminal {

    private final boolean colour;
    private final PrintWriter out;

    private Terminal(boolean colour, PrintWriter out) {
        this.colour = colour;
        this.out = out;
    }

    static Terminal detect(Function<String, String> env, PrintWriter out) {
        boolean tty = System.console() != null;
        String term = env.apply("TERM");
        boolean colour = tty && env.apply("NO_COLOR") == null && term != null && !term.equals("dumb");
        return new Terminal(colour, out);
    }

    static Terminal plain(PrintWriter out) {
        return new Terminal(false, out);
    }

    PrintWriter out() {
        return out;
    }

    void println(String line) {
        out.println(line);
        out.flush();
    }

    String bold(String s) {
        return style("1", s);
    }

    String dim(String s) {
        return style("2", s);
    }

    String red(String s) {
        return style("31", s);
    }

    String green(String s) {
        return style("32", s);
    }

    String yellow(String s) {
        return style("33", s);
    }

    String cyan(String s) {
        return style("36", s);
    }

    private String style(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
