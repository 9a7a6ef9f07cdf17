package io.monago.atrium.gateway.config;

import io.monago.atrium.gateway.rules.RuleCompileException;
import io.monago.atrium.gateway.rules.RuleCompiler;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what binding cannot: value ranges, known words, and that every reference (a model's
 * provider, a key's workspace) points at something that exists.
 */
final class ConfigValidator {

    static final Set<String> PROVIDER_TYPES = Set.of("echo", "openai", "anthropic");
    static final Set<String> PII_ACTIONS = Set.of("redact", "block", "flag", "allow");
    static final Set<String> SECURITY_ACTIONS = Set.of("block", "flag", "off");
    static final Set<String> OPERATORS = Set.of("placeholder", "mask", "hash", "remove");
    static final int MIN_SALT_BYTES = 16;
    /** More event loops than this is a typo, not a machine. */
    static final int MAX_EVENT_LOOPS = 256;

    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final Pattern KEY_HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    /** Anthropic names its API versions by date, e.g. 2023-06-01. */
    private static final Pattern ANTHROPIC_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static final Set<String> RULE_ACTIONS = Set.of("block", "flag", "redact", "allow", "route");
    static final Set<String> RULE_MODES = Set.of("enforce", "dry_run");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final SourceMap source;
    private RuleCompiler ruleCompiler;

    ConfigValidator(SourceMap source) {
        this.source = source;
    }

    void validate(GatewayConfig c) {
        server(c.server());
        audit(c.audit());
        if (!(c.pricing().usdToIdr() > 0)) {
            throw source.error("pricing.usd_to_idr", "must be a positive number");
        }
        c.providers().forEach(this::provider);
        for (int i = 0; i < c.models().size(); i++) {
            model("models[" + i + "]", c.models().get(i), c.providers());
        }
        for (int i = 0; i < c.models().size(); i++) {
            fallbacks("models[" + i + "]", c.models().get(i), c.models());
        }
        Set<String> workspaceIds = new HashSet<>();
        for (int i = 0; i < c.workspaces().size(); i++) {
            String path = "workspaces[" + i + "]";
            WorkspaceConfig w = c.workspaces().get(i);
            workspace(path, w);
            rules(path, w, c.models());
            evaluators(path, w);
            if (!workspaceIds.add(w.id())) {
                throw source.error(path + ".id", "workspace '" + w.id() + "' is defined twice");
            }
        }
        store("limits", c.limits().store(), c.limits().keyPrefix());
        store("idempotency", c.idempotency().store(), c.idempotency().keyPrefix());
        telemetry(c.telemetry());
        metrics(c.metrics());
        if (c.limits().defaultMaxTokens() <= 0) {
            throw source.error("limits.default_max_tokens", "must be positive");
        }
        for (int i = 0; i < c.workspaces().size(); i++) {
            limits("workspaces[" + i + "].limits", c.workspaces().get(i).limits());
            try {
                OnStoreError.of(
                        java.util.Optional.ofNullable(c.workspaces().get(i).onStoreError()));
            } catch (IllegalArgumentException e) {
                throw source.error("workspaces[" + i + "].on_store_error", e.getMessage());
            }
        }
        for (int i = 0; i < c.keys().size(); i++) {
            limits("keys[" + i + "].limits", c.keys().get(i).limits());
        }
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; i < c.keys().size(); i++) {
            String path = "keys[" + i + "]";
            KeyConfig k = c.keys().get(i);
            key(path, k, workspaceIds);
            if (!keyIds.add(k.id())) {
                throw source.error(path + ".id", "key id '" + k.id() + "' is used twice");
            }
        }
    }

    private void server(ServerConfig s) {
        if (s.host().isBlank()) {
            throw source.error("server.host", "must not be empty");
        }
        if (s.port() < 0 || s.port() > 65_535) {
            throw source.error("server.port", "must be between 0 and 65535, got " + s.port());
        }
        if (s.maxBodyBytes() <= 0) {
            throw source.error("server.max_body_bytes", "must be positive");
        }
        if (s.inlineWorkMaxBytes() < 0) {
            throw source.error("server.inline_work_max_bytes", "must not be negative");
        }
        if (s.drainTimeoutMs() < 0) {
            throw source.error("server.drain_timeout_ms", "must not be negative");
        }
        if (s.requestHeadTimeoutMs() <= 0) {
            throw source.error("server.request_head_timeout_ms", "must be positive");
        }
        if (s.requestBodyTimeoutMs() <= 0) {
            throw source.error("server.request_body_timeout_ms", "must be positive");
        }
        if (s.maxConnections() <= 0) {
            throw source.error("server.max_connections", "must be positive");
        }
        if (s.idleTimeoutMs() <= 0) {
            throw source.error("server.idle_timeout_ms", "must be positive");
        }
        if (s.eventLoops() <= 0 || s.eventLoops() > MAX_EVENT_LOOPS) {
            throw source.error(
                    "server.event_loops", "must be between 1 and " + MAX_EVENT_LOOPS + ", got " + s.eventLoops());
        }
    }

    private void audit(AuditConfig a) {
        if (a.chainKey() != null
                && a.chainKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SALT_BYTES) {
            throw source.error(
                    "audit.chain_key",
                    "must be a secret of at least " + MIN_SALT_BYTES + " bytes; write ${ATRIUM_AUDIT_CHAIN_KEY}");
        }
        if (a.url() != null) {
            if (!a.url().startsWith("jdbc:postgresql://")) {
                throw source.error("audit.url", "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)");
            }
            if (a.sqlitePath() != null) {
                throw source.error("audit.sqlite_path", "cannot be set with audit.url: choose one store");
            }
        } else {
            onlyWithUrl("audit.schema", a.schema());
            onlyWithUrl("audit.user", a.user());
            onlyWithUrl("audit.password", a.password());
        }
        if (a.schema() != null && !a.schema().matches("[a-z_][a-z0-9_]{0,62}")) {
            throw source.error(
                    "audit.schema",
                    "must be a plain PostgreSQL name: lowercase letters, digits and _, at most 63, not starting"
                            + " with a digit");
        }
        if (!a.onError().equals(AuditConfig.FAIL_CLOSED) && !a.onError().equals(AuditConfig.FAIL_OPEN)) {
            throw source.error("audit.on_error", "must be fail_closed or fail_open");
        }
        if (a.checkpointEvery() <= 0) {
            throw source.error("audit.checkpoint_every", "must be positive");
        }
        if (a.retentionDays() != null && a.retentionDays() <= 0) {
            throw source.error(
                    "audit.retention_days",
                    "must be a positive number of days (leave it out to keep records" + " forever)");
        }
    }

    private void onlyWithUrl(String field, String value) {
        if (value != null) {
            throw source.error(field, "applies to the PostgreSQL store only: set audit.url too");
        }
    }

    private void provider(String name, ProviderConfig p) {
        String path = "providers." + name;
        if (p == null) {
            throw source.error(path, "is empty; give at least its type");
        }
        if (p.type() == null) {
            throw source.error(path + ".type", "is required: one of " + sorted(PROVIDER_TYPES));
        }
        if (!PROVIDER_TYPES.contains(p.type())) {
            throw source.error(
                    path + ".type", "unknown provider type '" + p.type() + "'; one of " + sorted(PROVIDER_TYPES));
        }
        if (p.type().equals("openai")) {
            if (p.baseUrl() == null || p.baseUrl().isBlank()) {
                throw source.error(
                        path + ".base_url", "is required for an openai provider, e.g. https://api.openai.com/v1");
            }
            httpUrl(path + ".base_url", p.baseUrl());
        }
        if (p.type().equals("anthropic")) {
            anthropic(path, p);
        } else if (p.anthropicVersion() != null) {
            throw source.error(path + ".anthropic_version", "applies only to a provider of type anthropic");
        }
        positive(path + ".first_byte_timeout_ms", p.firstByteTimeoutMs());
        positive(path + ".idle_timeout_ms", p.idleTimeoutMs());
        if (p.retries() < 0 || p.retries() > 10) {
            throw source.error(path + ".retries", "must be between 0 and 10");
        }
        positive(path + ".retry_backoff_ms", p.retryBackoffMs());
        if (p.circuitBreaker().failures() <= 0) {
            throw source.error(path + ".circuit_breaker.failures", "must be positive");
        }
        positive(path + ".circuit_breaker.open_ms", p.circuitBreaker().openMs());
        if (p.timeoutMs() <= 0) {
            throw source.error(path + ".timeout_ms", "must be positive");
        }
        if (p.connectTimeoutMs() <= 0) {
            throw source.error(path + ".connect_timeout_ms", "must be positive");
        }
    }

    private void anthropic(String path, ProviderConfig p) {
        if (p.baseUrl() != null) {
            httpUrl(path + ".base_url", p.baseUrl());
        }
        if (p.apiKeyIfSet().isEmpty()) {
            throw source.error(
                    path + ".api_key", "is required for an anthropic provider (write api_key: ${ANTHROPIC_API_KEY})");
        }
        if (p.anthropicVersion() != null
                && !ANTHROPIC_VERSION.matcher(p.anthropicVersion()).matches()) {
            throw source.error(
                    path + ".anthropic_version",
                    "must be an Anthropic API version date such as 2023-06-01, got '" + p.anthropicVersion() + "'");
        }
    }

    private void positive(String path, long value) {
        if (value <= 0) {
            throw source.error(path, "must be positive");
        }
    }

    /** A fallback is a plain model name that some entry serves, and not the model itself. */
    private void fallbacks(String path, ModelConfig m, List<ModelConfig> models) {
        for (int j = 0; j < m.fallback().size(); j++) {
            String at = path + ".fallback[" + j + "]";
            String name = m.fallback().get(j);
            if (name == null || name.isBlank()) {
                throw source.error(at, "is empty; name a model");
            }
            if (!new ModelGlob(name).isLiteral()) {
                throw source.error(at, "must be a model name, not a pattern: '" + name + "'");
            }
            if (name.equals(m.name())) {
                throw source.error(at, "names the model itself");
            }
            if (models.stream().noneMatch(other -> new ModelGlob(other.name()).matches(name))) {
                throw source.error(at, "no model entry serves '" + name + "'");
            }
        }
    }

    private void httpUrl(String path, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw source.error(path, "must be an http or https URL, got '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            throw source.error(path, "is not a valid URL: '" + url + "'");
        }
    }

    private void model(String path, ModelConfig m, Map<String, ProviderConfig> providers) {
        if (m.name() == null || m.name().isBlank()) {
            throw source.error(path + ".name", "is required");
        }
        if (m.provider() == null) {
            throw source.error(path + ".provider", "is required: one of " + sorted(providers.keySet()));
        }
        if (!providers.containsKey(m.provider())) {
            throw source.error(
                    path + ".provider",
                    "no provider named '" + m.provider() + "'; defined: " + sorted(providers.keySet()));
        }
        if (m.inputUsdPerMillion() < 0) {
            throw source.error(path + ".input_usd_per_million", "must not be negative");
        }
        if (m.outputUsdPerMillion() < 0) {
            throw source.error(path + ".output_usd_per_million", "must not be negative");
        }
    }

    private void workspace(String path, WorkspaceConfig w) {
        if (w.id() == null || w.id().isBlank()) {
            throw source.error(path + ".id", "is required");
        }
        globs(path + ".models", w.models());
        PiiSettings pii = w.pii();
        word(path + ".pii.action", pii.action(), PII_ACTIONS);
        fraction(path + ".pii.min_confidence", pii.minConfidence());
        word(path + ".pii.operator", pii.operator(), OPERATORS);
        if (pii.reversible() && !pii.operator().equals("placeholder")) {
            throw source.error(
                    path + ".pii.reversible", "needs operator placeholder: only placeholders can be restored");
        }
        if (pii.maskKeepStart() < 0 || pii.maskKeepEnd() < 0) {
            throw source.error(path + ".pii.mask_keep_start", "mask_keep_start and mask_keep_end must not be negative");
        }
        if (pii.operator().equals("hash")
                && (pii.hashSalt() == null
                        || pii.hashSalt().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SALT_BYTES)) {
            throw source.error(
                    path + ".pii.hash_salt",
                    "operator hash needs a secret salt of at least " + MIN_SALT_BYTES
                            + " bytes (write hash_salt: ${ATRIUM_PII_SALT})");
        }
        pii.entities().forEach((entity, setting) -> {
            String p = path + ".pii.entities." + entity;
            if (!GuardVocabulary.ENTITY_TYPES.contains(entity)) {
                throw source.error(
                        p, "unknown entity type '" + entity + "'; one of " + sorted(GuardVocabulary.ENTITY_TYPES));
            }
            setting(p, setting, PII_ACTIONS);
        });
        SecuritySettings sec = w.security();
        word(path + ".security.action", sec.action(), SECURITY_ACTIONS);
        if (sec.threshold() != null) {
            fraction(path + ".security.threshold", sec.threshold());
        }
        sec.categories().forEach((category, setting) -> {
            String p = path + ".security.categories." + category;
            if (!GuardVocabulary.INCIDENT_CATEGORIES.contains(category)) {
                throw source.error(
                        p,
                        "unknown category '" + category + "'; one of " + sorted(GuardVocabulary.INCIDENT_CATEGORIES));
            }
            setting(p, setting, SECURITY_ACTIONS);
        });
        for (int i = 0; i < sec.trustedRoles().size(); i++) {
            word(path + ".security.trusted_roles[" + i + "]", sec.trustedRoles().get(i), ROLES);
        }
    }

    /**
     * Checks each rule's fields and compiles its condition, so that a typo, an unknown variable or
     * a type error stops the load naming the rule, rather than failing calls later.
     */
    private void rules(String path, WorkspaceConfig w, List<ModelConfig> models) {
        try {
            java.time.ZoneId.of(w.timeZone());
        } catch (java.time.DateTimeException e) {
            throw source.error(
                    path + ".time_zone", "unknown time zone '" + w.timeZone() + "', e.g. Asia/Jakarta or UTC");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < w.rules().size(); i++) {
            String at = path + ".rules[" + i + "]";
            RuleConfig r = w.rules().get(i);
            if (r == null) {
                throw source.error(at, "is empty; a rule needs at least id, when and action");
            }
            if (r.id() == null || !RULE_ID.matcher(r.id()).matches()) {
                throw source.error(
                        at + ".id",
                        "is required: letters, digits, '_', '.' or '-', at most 64, e.g. no-tax-ids-abroad");
            }
            if (!ids.add(r.id())) {
                throw source.error(at + ".id", "rule '" + r.id() + "' is defined twice in this workspace");
            }
            String rule = "rule '" + r.id() + "': ";
            word(at + ".action", r.action(), RULE_ACTIONS);
            word(at + ".mode", r.mode(), RULE_MODES);
            if (r.action().equals("redact")) {
                if (r.entities().isEmpty()) {
                    throw source.error(at + ".entities", rule + "a redact rule names the entity types it redacts");
                }
                for (int j = 0; j < r.entities().size(); j++) {
                    String e = r.entities().get(j);
                    if (!GuardVocabulary.ENTITY_TYPES.contains(e)) {
                        throw source.error(
                                at + ".entities[" + j + "]",
                                rule + "unknown entity type '" + e + "'; one of "
                                        + sorted(GuardVocabulary.ENTITY_TYPES));
                    }
                }
            } else if (!r.entities().isEmpty()) {
                throw source.error(at + ".entities", rule + "applies only to action redact");
            }
            if (r.action().equals("route")) {
                String target = r.model();
                if (target == null || target.isBlank() || !new ModelGlob(target).isLiteral()) {
                    throw source.error(at + ".model", rule + "a route rule names the model to send the call to");
                }
                if (models.stream().noneMatch(m -> new ModelGlob(m.name()).matches(target))) {
                    throw source.error(at + ".model", rule + "no model entry serves '" + target + "'");
                }
            } else if (r.model() != null) {
                throw source.error(at + ".model", rule + "applies only to action route");
            }
            if (r.when() == null || r.when().isBlank()) {
                throw source.error(at + ".when", rule + "is required: a CEL condition such as 'NIK' in pii.types");
            }
            try {
                compiler().compile(r.when());
            } catch (RuleCompileException e) {
                throw source.error(
                        at + ".when",
                        rule + "condition line " + e.line() + ", column " + e.column() + ": " + e.problem());
            }
        }
    }

    private void store(String section, String store, String keyPrefix) {
        try {
            StoreUrl.redis(store);
        } catch (IllegalArgumentException e) {
            throw source.error(section + ".store", e.getMessage());
        }
        if (keyPrefix.isEmpty()) {
            throw source.error(section + ".key_prefix", "must not be empty: it keeps this gateway's Redis keys apart");
        }
    }

    private void limits(String path, LimitSettings l) {
        if (l.requestsPerMinute() != null) {
            positive(path + ".requests_per_minute", l.requestsPerMinute());
        }
        if (l.tokensPerMinute() != null) {
            positive(path + ".tokens_per_minute", l.tokensPerMinute());
        }
        if (l.idrPerDay() != null && !(l.idrPerDay() > 0)) {
            throw source.error(path + ".idr_per_day", "must be a positive number of rupiah");
        }
        if (l.idrPerMonth() != null && !(l.idrPerMonth() > 0)) {
            throw source.error(path + ".idr_per_month", "must be a positive number of rupiah");
        }
    }

    private RuleCompiler compiler() {
        if (ruleCompiler == null) {
            ruleCompiler = new RuleCompiler();
        }
        return ruleCompiler;
    }

    private void setting(String path, EntitySetting s, Set<String> words) {
        if (s == null) {
            throw source.error(path, "needs an action: one of " + sorted(words));
        }
        word(path + ".action", s.action(), words);
        s.minConfidence().ifPresent(v -> fraction(path + ".min_confidence", v));
    }

    private void key(String path, KeyConfig k, Set<String> workspaceIds) {
        if (k.id() == null || k.id().isBlank()) {
            throw source.error(path + ".id", "is required");
        }
        if (k.hash() == null) {
            throw source.error(path + ".hash", "is required: sha256:<64 hex digits> of the key (atrium key hash)");
        }
        if (!KEY_HASH.matcher(k.hash()).matches()) {
            throw source.error(
                    path + ".hash",
                    "must be sha256: followed by 64 lower-case hex digits (atrium key hash); "
                            + "never put the key itself in the file");
        }
        if (!workspaceIds.contains(k.workspace())) {
            throw source.error(
                    path + ".workspace",
                    "no workspace named '" + k.workspace() + "'; defined: " + sorted(workspaceIds));
        }
        k.modelsIfSet().ifPresent(m -> globs(path + ".models", m));
    }

    static final Set<String> EVALUATOR_TYPES = Set.of("toxicity", "new_pii", "json", "refusal", "canary", "callout");
    static final Set<String> EVALUATOR_STAGES = Set.of("pre", "post");
    static final Set<String> EVALUATOR_ACTIONS = Set.of("record", "flag", "block");
    static final Set<String> EVALUATOR_ON_ERROR = Set.of("fail_open", "fail_closed");
    /** Types that read the answer only. */
    private static final Set<String> POST_ONLY = Set.of("new_pii", "json", "refusal", "canary");
    /** The shortest callout secret: an HMAC key shorter than this is guessable. */
    static final int MIN_CALLOUT_SECRET_BYTES = 16;

    private void evaluators(String path, WorkspaceConfig w) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < w.evaluators().size(); i++) {
            String at = path + ".evaluators[" + i + "]";
            EvaluatorConfig e = w.evaluators().get(i);
            if (e == null) {
                throw source.error(at, "is empty; an evaluator needs at least name and type");
            }
            if (e.name() == null || !RULE_ID.matcher(e.name()).matches()) {
                throw source.error(at + ".name", "is required: letters, digits, '_', '.' or '-', at most 64");
            }
            if (!names.add(e.name())) {
                throw source.error(at + ".name", "evaluator '" + e.name() + "' is defined twice in this workspace");
            }
            word(at + ".type", e.type(), EVALUATOR_TYPES);
            word(at + ".stage", e.stage(), EVALUATOR_STAGES);
            word(at + ".action", e.action(), EVALUATOR_ACTIONS);
            fraction(at + ".threshold", e.threshold());
            fraction(at + ".sample_rate", e.sampleRate());
            if (e.stage().equals("pre") && POST_ONLY.contains(e.type())) {
                throw source.error(at + ".stage", "type " + e.type() + " reads the answer: its stage must be post");
            }
            if (e.type().equals("canary") && (e.canary() == null || e.canary().isBlank())) {
                throw source.error(at + ".canary", "is required for a canary evaluator: the string to watch for");
            }
            if (!e.type().equals("canary") && e.canary() != null) {
                throw source.error(at + ".canary", "is only for type canary");
            }
            if (e.type().equals("callout")) {
                if (e.url() == null) {
                    throw source.error(at + ".url", "is required for a callout evaluator");
                }
                httpUrl(at + ".url", e.url());
                if (e.secret() == null
                        || e.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                                < MIN_CALLOUT_SECRET_BYTES) {
                    throw source.error(
                            at + ".secret",
                            "a callout needs a secret of at least " + MIN_CALLOUT_SECRET_BYTES
                                    + " bytes to sign its body (write secret: ${ATRIUM_EVAL_SECRET})");
                }
                positive(at + ".timeout_ms", e.timeoutMs());
                word(at + ".on_error", e.onError(), EVALUATOR_ON_ERROR);
            } else if (e.url() != null || e.secret() != null) {
                throw source.error(at + (e.url() != null ? ".url" : ".secret"), "is only for type callout");
            }
        }
    }

    private void globs(String path, List<String> globs) {
        for (int i = 0; i < globs.size(); i++) {
            String g = globs.get(i);
            if (g == null || g.isBlank()) {
                throw source.error(path + "[" + i + "]", "must be a model name or glob such as gpt-*");
            }
        }
    }

    private void word(String path, String value, Set<String> words) {
        if (value == null || !words.contains(value)) {
            throw source.error(
                    path, "must be one of " + sorted(words) + (value == null ? "" : ", got '" + value + "'"));
        }
    }

    private void fraction(String path, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw source.error(path, "must be between 0 and 1, got " + value);
        }
    }

    private static String sorted(Set<String> words) {
        return String.join(", ", new java.util.TreeSet<>(words));
    }

    private void telemetry(TelemetryConfig t) {
        if (t.otlpEndpointIfSet().isPresent()) {
            String url = t.otlpEndpoint();
            if (!(url.startsWith("http://") || url.startsWith("https://"))) {
                throw source.error(
                        "telemetry.otlp_endpoint",
                        "must be an http:// or https:// URL, such as http://otel-collector:4318/v1/traces");
            }
        }
        if (!(t.sampleRatio() >= 0 && t.sampleRatio() <= 1)) {
            throw source.error("telemetry.sample_ratio", "must be a number from 0 to 1");
        }
        if (t.serviceName().isBlank()) {
            throw source.error("telemetry.service_name", "must not be empty");
        }
    }

    private void metrics(MetricsConfig m) {
        if (m.listenIfSet().isPresent()) {
            String listen = m.listen();
            int colon = listen.lastIndexOf(':');
            boolean valid = colon > 0;
            if (valid) {
                try {
                    int port = Integer.parseInt(listen.substring(colon + 1));
                    valid = port >= 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw source.error("metrics.listen", "must be host:port, such as 0.0.0.0:9464");
            }
        }
    }
}
