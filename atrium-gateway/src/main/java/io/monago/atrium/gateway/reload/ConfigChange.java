package io.monago.atrium.gateway.reload;

import io.monago.atrium.gateway.config.ConfigException;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between the configuration a gateway runs and a new one, section by section.
 * {@code workspaces} (their models, PII and security actions, rules, time zones and limits),
 * {@code keys} (with their limits), {@code models} and {@code pricing} apply to the next call;
 * {@code server}, {@code audit}, {@code providers}, {@code limits}, {@code idempotency} (the
 * stores), {@code telemetry} and {@code metrics} are wired into the running process and apply only after a restart.
 *
 * <pre>{@code
 * ConfigChange change = ConfigChange.between(running, next);
 * GatewayConfig applied = change.applied("atrium.yaml");   // next's policy on running's wiring
 * }</pre>
 *
 * @param running the configuration the gateway runs
 * @param next the new configuration
 * @param reloaded the changed sections that apply to the next call
 * @param needRestart the changed sections that apply only after a restart
 */
public record ConfigChange(GatewayConfig running, GatewayConfig next, List<String> reloaded, List<String> needRestart) {

    /** Sections that apply to the next call. */
    public static final List<String> RELOADABLE = List.of("workspaces", "keys", "models", "pricing");

    /** Sections that apply only after a restart. */
    public static final List<String> RESTART_ONLY = List.of("server", "audit", "providers", "limits");

    /**
     * Copies the lists.
     *
     * @param running see the record description
     * @param next see the record description
     * @param reloaded see the record description
     * @param needRestart see the record description
     */
    public ConfigChange {
        reloaded = List.copyOf(reloaded);
        needRestart = List.copyOf(needRestart);
    }

    /**
     * Compares two configurations.
     *
     * @param running the configuration the gateway runs (as its file said, without generated keys)
     * @param next the new one
     * @return what changed
     */
    public static ConfigChange between(GatewayConfig running, GatewayConfig next) {
        List<String> reloaded = new ArrayList<>();
        changed(reloaded, "workspaces", running.workspaces(), next.workspaces());
        changed(reloaded, "keys", running.keys(), next.keys());
        changed(reloaded, "models", running.models(), next.models());
        changed(reloaded, "pricing", running.pricing(), next.pricing());
        List<String> restart = new ArrayList<>();
        changed(restart, "server", running.server(), next.server());
        changed(restart, "audit", running.audit(), next.audit());
        changed(restart, "providers", running.providers(), next.providers());
        changed(restart, "limits", running.limits(), next.limits());
        changed(restart, "idempotency", running.idempotency(), next.idempotency());
        changed(restart, "telemetry", running.telemetry(), next.telemetry());
        changed(restart, "metrics", running.metrics(), next.metrics());
        return new ConfigChange(running, next, reloaded, restart);
    }

    private static void changed(List<String> into, String section, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            into.add(section);
        }
    }

    /** {@return whether nothing the gateway uses changed} */
    public boolean isEmpty() {
        return reloaded.isEmpty() && needRestart.isEmpty();
    }

    /**
     * The configuration to run from now on: the new file's policy on the running process's wiring.
     *
     * @param file the file's name, for the error
     * @return the running configuration's server, audit, providers, limits and idempotency with the new
     *     workspaces, keys, models and pricing
     * @throws ConfigException when a model names a provider the running process does not have
     */
    public GatewayConfig applied(String file) {
        for (int i = 0; i < next.models().size(); i++) {
            ModelConfig m = next.models().get(i);
            if (!running.providers().containsKey(m.provider())) {
                throw new ConfigException(
                        file,
                        0,
                        "models[" + i + "].provider",
                        "provider '" + m.provider() + "' is not running: providers change only on a restart");
            }
        }
        return new GatewayConfig(
                running.server(),
                running.audit(),
                next.pricing(),
                running.providers(),
                next.models(),
                next.workspaces(),
                next.keys(),
                running.limits(),
                running.idempotency(),
                running.telemetry(),
                running.metrics());
    }
}
