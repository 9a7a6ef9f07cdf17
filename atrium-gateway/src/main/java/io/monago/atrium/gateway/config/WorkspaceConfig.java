package io.monago.atrium.gateway.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A workspace: a team's policy and its model allow-list.
 *
 * @param id the workspace id, referenced by keys
 * @param models allow-list of model names (globs), default {@code ["*"]}
 * @param pii what to do with PII found in requests and answers
 * @param security what to do with prompt attacks
 * @param rules policy rules, evaluated in order after the PII and security checks; default none
 * @param timeZone the time zone rules read the time in, default {@code Asia/Jakarta}
 * @param limits the workspace's rate limits and budgets, all keys together; default none
 * @param onStoreError what a call gets when the limit store cannot be reached: {@code fail_closed}
 *     (refused) or {@code fail_open} (admitted uncounted) for every limit; unset, budgets fail
 *     closed and rate limits fail open
 * @param audit what its audit records keep beyond the record; default the record only
 * @param evaluators what scores its requests and answers (docs/evaluators.md); default none
 * @param telemetry what its traces may carry beyond ids and numbers; default no content
 */
public record WorkspaceConfig(
        String id,
        List<String> models,
        PiiSettings pii,
        SecuritySettings security,
        List<RuleConfig> rules,
        String timeZone,
        LimitSettings limits,
        String onStoreError,
        WorkspaceAuditSettings audit,
        List<EvaluatorConfig> evaluators,
        WorkspaceTelemetrySettings telemetry) {

    /** The time zone of a workspace that names none. */
    public static final String DEFAULT_TIME_ZONE = "Asia/Jakarta";

    /** Id of the workspace that exists when no configuration names one. */
    public static final String DEFAULT_ID = "default";

    /**
     * Fills defaults.
     *
     * @param id see the record description
     * @param models see the record description
     * @param pii see the record description
     * @param security see the record description
     * @param rules see the record description
     * @param timeZone see the record description
     * @param limits see the record description
     * @param onStoreError see the record description
     * @param audit see the record description
     * @param evaluators see the record description
     * @param telemetry see the record description
     */
    public WorkspaceConfig {
        models = models == null ? List.of("*") : List.copyOf(models);
        pii = pii == null ? PiiSettings.defaults() : pii;
        security = security == null ? SecuritySettings.defaults() : security;
        // Empty entries are kept so that validation can name them.
        rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        limits = limits == null ? LimitSettings.NONE : limits;
        audit = audit == null ? WorkspaceAuditSettings.NONE : audit;
        // Empty entries are kept so that validation can name them.
        evaluators = evaluators == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(evaluators));
        telemetry = telemetry == null ? WorkspaceTelemetrySettings.NONE : telemetry;
    }

    /** {@return the default workspace: every model, the default PII and security policy} */
    public static WorkspaceConfig defaults() {
        return new WorkspaceConfig(DEFAULT_ID, null, null, null, null, null, null, null, null, null, null);
    }
}
