package io.monago.atrium.gateway.config;

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

    static final Set<String> PROVIDER_TYPES = Set.of("echo", "openai");
    static final Set<String> PII_ACTIONS = Set.of("redact", "block", "flag", "allow");
    static final Set<String> SECURITY_ACTIONS = Set.of("block", "flag", "off");
    static final Set<String> OPERATORS = Set.of("placeholder", "mask", "hash", "remove");
    static final int MIN_SALT_BYTES = 16;
    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final Pattern KEY_HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    private final SourceMap source;

    ConfigValidator(SourceMap source) {
        this.source = source;
    }

    void validate(GatewayConfig c) {
        server(c.server());
        if (!(c.pricing().usdToIdr() > 0)) {
            throw source.error("pricing.usd_to_idr", "must be a positive number");
        }
        c.providers().forEach(this::provider);
        for (int i = 0; i < c.models().size(); i++) {
            model("models[" + i + "]", c.models().get(i), c.providers());
        }
        Set<String> workspaceIds = new HashSet<>();
        for (int i = 0; i < c.workspaces().size(); i++) {
            String path = "workspaces[" + i + "]";
            WorkspaceConfig w = c.workspaces().get(i);
            workspace(path, w);
            if (!workspaceIds.add(w.id())) {
                throw source.error(path + ".id", "workspace '" + w.id() + "' is defined twice");
            }
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
        if (p.timeoutMs() <= 0) {
            throw source.error(path + ".timeout_ms", "must be positive");
        }
        if (p.connectTimeoutMs() <= 0) {
            throw source.error(path + ".connect_timeout_ms", "must be positive");
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
}
