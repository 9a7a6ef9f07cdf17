package io.monago.atrium;

import java.util.Locale;

/**
 * How much the client logs through {@link System.Logger} (logger name {@code io.monago.atrium}).
 * Off unless the builder or the {@code ATRIUM_LOG} environment variable turns it on. Lines are
 * emitted at level {@code INFO} so they show with the JDK's default logging configuration; the API
 * key and request and response bodies are never logged.
 *
 * <pre>{@code
 * Atrium client = Atrium.builder().logLevel(LogLevel.DEBUG).build();
 * // or: ATRIUM_LOG=debug java -jar app.jar
 * }</pre>
 */
public enum LogLevel {
    /** Nothing is logged. */
    OFF,
    /** One line per attempt sent and one per response or failure, with status, time and audit id. */
    INFO,
    /** As {@link #INFO}, plus header lines (secret-bearing values redacted) and retry decisions. */
    DEBUG;

    /**
     * Reads the {@code ATRIUM_LOG} value.
     *
     * @param value {@code debug} or {@code info} (any case); anything else, or null, is {@link #OFF}
     * @return the level
     */
    public static LogLevel parse(String value) {
        if (value == null) {
            return OFF;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "debug" -> DEBUG;
            case "info" -> INFO;
            default -> OFF;
        };
    }
}
