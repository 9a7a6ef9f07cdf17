package io.monago.atrium.internal;

import io.monago.atrium.LogLevel;
import java.util.function.Supplier;

/**
 * The SDK's log sink: a {@link System.Logger} plus the level the user asked for. Lines go out at
 * {@code INFO} so the JDK's default configuration shows them once the user has opted in.
 *
 * <p>Internal: not part of the public API.
 */
public final class Log {

    private final System.Logger logger;
    private final LogLevel level;

    /**
     * Creates a sink.
     *
     * @param logger where lines go
     * @param level what to log
     */
    public Log(System.Logger logger, LogLevel level) {
        this.logger = logger;
        this.level = level;
    }

    /**
     * Whether lines of a level are logged.
     *
     * @param wanted the level of the line
     * @return true when enabled
     */
    public boolean enabled(LogLevel wanted) {
        return wanted != LogLevel.OFF && level.compareTo(wanted) >= 0;
    }

    /**
     * Logs a line if its level is enabled; the text is built only then.
     *
     * @param wanted the level of the line
     * @param line the text
     */
    public void log(LogLevel wanted, Supplier<String> line) {
        if (enabled(wanted)) {
            try {
                logger.log(System.Logger.Level.INFO, line);
            } catch (RuntimeException e) {
                // A failing log backend must not fail the call it was describing.
            }
        }
    }
}
