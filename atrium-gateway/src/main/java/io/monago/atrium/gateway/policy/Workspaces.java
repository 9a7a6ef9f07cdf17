package io.monago.atrium.gateway.policy;

import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.guard.pii.PiiScanner;
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
     * The workspace of an authenticated call.
     *
     * @param exchange a call past authentication
     * @return its workspace's policy
     */
    public WorkspacePolicy require(io.monago.atrium.gateway.exchange.Exchange exchange) {
        String id = exchange.principal()
                .orElseThrow(() -> new IllegalStateException("not authenticated"))
                .workspaceId();
        return find(id).orElseThrow(() -> new IllegalStateException("key of unknown workspace " + id));
    }

    /** @return the id of the default (first) workspace */
    public String defaultId() {
        return defaultId;
    }
}
