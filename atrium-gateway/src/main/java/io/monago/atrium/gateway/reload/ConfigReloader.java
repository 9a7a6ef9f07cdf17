package io.monago.atrium.gateway.reload;

import io.monago.atrium.gateway.config.ConfigException;
import io.monago.atrium.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the policy from the configuration file when its content changed. A file that does not
 * load (bad YAML, an unknown field, a rule that does not compile, a model on a provider the process
 * does not run) is refused with a log line naming the file, the line and the field, and the running
 * policy stays. A valid one is handed to the gateway, which swaps it in whole: calls already in
 * flight finish under the policy they started with. Sections that apply only after a restart are
 * named in the log and keep their running values.
 *
 * <pre>{@code
 * ConfigReloader reloader = new ConfigReloader(file, () -> loader.load(file), startConfig, gateway::apply);
 * reloader.reloadIfChanged();
 * }</pre>
 */
public final class ConfigReloader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    /** A value the parser quotes back; it might be a secret written in the wrong field, so it is not logged. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("\"[^\"]*\"");

    private final Path file;
    private final Supplier<GatewayConfig> load;
    private final Function<GatewayConfig, String> apply;
    private GatewayConfig running;
    private byte[] lastSeen;

    /**
     * Creates the reloader.
     *
     * @param file the configuration file
     * @param load loads and validates the file as the gateway was started with it (the command
     *     line's overrides applied); throws {@link ConfigException} when it cannot be used
     * @param running the configuration the gateway was started with, as loaded
     * @param apply swaps in a configuration (the new policy on the running wiring) and describes
     *     the policy now in force, for the log; throws {@link ConfigException} when it cannot
     */
    public ConfigReloader(
            Path file, Supplier<GatewayConfig> load, GatewayConfig running, Function<GatewayConfig, String> apply) {
        this.file = file;
        this.load = load;
        this.apply = apply;
        this.running = running;
        this.lastSeen = read();
    }

    /**
     * Reloads if the file's content changed since it was last read.
     *
     * @return what happened
     */
    public synchronized Outcome reloadIfChanged() {
        byte[] now = read();
        if (Arrays.equals(now, lastSeen)) {
            return Outcome.UNCHANGED;
        }
        lastSeen = now;
        ConfigChange change;
        try {
            GatewayConfig next = load.get();
            change = ConfigChange.between(running, next);
            if (!change.reloaded().isEmpty()) {
                GatewayConfig applied = change.applied(file.toString());
                String inForce = apply.apply(applied);
                running = applied;
                LOG.info(
                        "reloaded {}: {} changed, in force for new calls (calls in flight finish under the"
                                + " policy they started with); {}",
                        file,
                        String.join(", ", change.reloaded()),
                        inForce);
            }
        } catch (ConfigException e) {
            LOG.warn("{} was not reloaded, the running policy stays: {}", file, withoutValues(e.getMessage()));
            return Outcome.REFUSED;
        } catch (RuntimeException e) {
            // Not the file's fault as far as can be told; its message might quote the file, so only its type.
            LOG.error(
                    "{} was not reloaded, the running policy stays: {}",
                    file,
                    e.getClass().getName());
            return Outcome.REFUSED;
        }
        if (!change.needRestart().isEmpty()) {
            LOG.warn(
                    "{}: {} changed; these apply only after a restart, the running gateway keeps the old ones",
                    file,
                    String.join(", ", change.needRestart()));
        }
        return change.reloaded().isEmpty() ? Outcome.UNCHANGED : Outcome.APPLIED;
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // missing for a moment while an editor replaces it; the load will say
        }
    }

    private static String withoutValues(String message) {
        return QUOTED_VALUE.matcher(message).replaceAll("\"…\"");
    }

    /** What a reload did. */
    public enum Outcome {
        /** Nothing that applies now changed. */
        UNCHANGED,
        /** A new policy is in force. */
        APPLIED,
        /** The file could not be used; the running policy stays. */
        REFUSED
    }
}
