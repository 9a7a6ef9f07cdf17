package io.monago.atrium.gateway.workspace;

import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.guard.pii.PiiScanner;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The compiled policy of every workspace, by id. Immutable. */
public final class Workspaces {

    private final Map<String, WorkspacePolicy> byId;
    private final String defaultId;

    /**
     * Compiles the configured workspaces.
     *
     * @param configs the workspaces; the first is the default one
     * @param scanner the PII scanner their answer redactors use
     */
    public Workspaces(List<WorkspaceConfig> configs, PiiScanner scanner) {
        Map<String, WorkspacePolicy> map = new LinkedHashMap<>();
        WorkspacePolicyCompiler compiler = new WorkspacePolicyCompiler(scanner);
        for (WorkspaceConfig w : configs) {
            map.put(w.id(), compiler.compile(w));
        }
        this.byId = Map.copyOf(map);
        this.defaultId = configs.get(0).id();
    }

    /**
     * Looks a workspace up.
     *
     * @param id its id
     * @return its policy
     */
    public Optional<WorkspacePolicy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The workspace of a configured key.
     *
     * @param id the workspace id of a key record
     * @return its policy
     * @throws IllegalStateException when no such workspace is configured (validation prevents it)
     */
    public WorkspacePolicy require(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("a key names an unknown workspace"));
    }

    /** {@return each workspace's time zone, by workspace id} */
    public Map<String, ZoneId> zones() {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        byId.forEach((id, policy) -> zones.put(id, policy.zone()));
        return zones;
    }

    /** {@return the id of the default (first) workspace} */
    public String defaultId() {
        return defaultId;
    }
}
