package io.monago.atrium.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
        boolean tty = isTerminal(System.console());
        String term = env.apply("TERM");
        boolean colour = tty && env.apply("NO_COLOR") == null && term != null && !term.equals("dumb");
        return new Terminal(colour, out);
    }

    /**
     * How text is encoded for the person reading it: as their terminal expects when one is attached,
     * else UTF-8 (a pipe or a file).
     */
    static Charset charset() {
        Console console = System.console();
        return isTerminal(console) ? console.charset() : StandardCharsets.UTF_8;
    }

    /**
     * Whether a terminal is attached. Up to JDK 21 there is a console only then; from JDK 22 there is
     * one even when the streams are redirected, and {@code Console.isTerminal()} (new in 22, so
     * called reflectively) tells.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        if (Runtime.version().feature() < 22) {
            return true;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return false;
        }
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

    /** Writes text without ending the line, at once (a piece of a streamed answer). */
    void print(String text) {
        out.print(text);
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
