package io.monago.atrium.gateway.workspace;

import io.monago.atrium.gateway.config.EntitySetting;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.config.PiiSettings;
import io.monago.atrium.gateway.config.RuleConfig;
import io.monago.atrium.gateway.config.SecuritySettings;
import io.monago.atrium.gateway.config.WorkspaceConfig;
import io.monago.atrium.gateway.rules.Rule;
import io.monago.atrium.gateway.rules.RuleAction;
import io.monago.atrium.gateway.rules.RuleCompiler;
import io.monago.atrium.gateway.rules.RuleMode;
import io.monago.atrium.gateway.rules.RuleSet;
import io.monago.atrium.guard.MessageRole;
import io.monago.atrium.guard.pii.EntityRule;
import io.monago.atrium.guard.pii.PiiAction;
import io.monago.atrium.guard.pii.PiiPolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.redact.PiiRedactor;
import io.monago.atrium.guard.redact.RedactionOperator;
import io.monago.atrium.guard.security.CategoryPolicy;
import io.monago.atrium.guard.security.SecurityAction;
import io.monago.atrium.guard.security.SecurityAnalyzer;
import io.monago.atrium.guard.security.SecurityPolicy;
import io.monago.atrium.guard.security.category.IncidentCategory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a workspace's validated configuration into the guard's policy objects. Analyzers are
 * shared between workspaces that trust the same roles, since building one loads its lexicons and
 * model.
 */
final class WorkspacePolicyCompiler {

    private final Map<Set<MessageRole>, SecurityAnalyzer> analyzers = new HashMap<>();
    private final PiiScanner scanner;
    private RuleCompiler ruleCompiler;

    WorkspacePolicyCompiler(PiiScanner scanner) {
        this.scanner = scanner;
    }

    WorkspacePolicy compile(WorkspaceConfig config) {
        PiiPolicy pii = pii(config.pii());
        return new WorkspacePolicy(
                config.id(),
                config.models().stream().map(ModelGlob::new).toList(),
                pii,
                config.pii().reversible(),
                operator(config.pii()),
                security(config.security()),
                analyzer(config.security()),
                PiiRedactor.of(scanner, pii),
                rules(config.rules()),
                ZoneId.of(config.timeZone()),
                config.limits(),
                config.audit().storeContent(),
                config.telemetry().content());
    }

    private RuleSet rules(List<RuleConfig> configs) {
        if (configs.isEmpty()) {
            return RuleSet.EMPTY;
        }
        if (ruleCompiler == null) {
            ruleCompiler = new RuleCompiler();
        }
        List<Rule> rules = new ArrayList<>(configs.size());
        MessageDigest digest = sha256();
        for (RuleConfig c : configs) {
            RuleAction action = RuleAction.of(c.action());
            rules.add(new Rule(
                    c.id(),
                    c.description(),
                    ruleCompiler.compile(c.when()),
                    action,
                    c.reason(),
                    RuleMode.of(c.mode()),
                    Set.copyOf(c.entities()),
                    Optional.ofNullable(c.model())));
            for (String part : List.of(
                    c.id(),
                    c.when(),
                    c.action(),
                    c.mode(),
                    c.reason(),
                    String.join(",", c.entities()),
                    String.valueOf(c.model()))) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        return new RuleSet(rules, HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static PiiPolicy pii(PiiSettings s) {
        PiiPolicy.Builder b = PiiPolicy.builder().allTypes(new EntityRule(piiAction(s.action()), s.minConfidence()));
        s.entities()
                .forEach((type, setting) -> b.rule(
                        EntityType.valueOf(type),
                        new EntityRule(
                                piiAction(setting.action()),
                                setting.minConfidence().orElse(s.minConfidence()))));
        return b.build();
    }

    static RedactionOperator operator(PiiSettings s) {
        return switch (s.operator()) {
            case "mask" -> RedactionOperator.mask(s.maskKeepStart(), s.maskKeepEnd());
            case "hash" -> RedactionOperator.saltedHash(s.hashSalt().getBytes(StandardCharsets.UTF_8));
            case "remove" -> RedactionOperator.remove();
            default -> RedactionOperator.placeholder();
        };
    }

    static SecurityPolicy security(SecuritySettings s) {
        SecurityPolicy defaults = SecurityPolicy.defaults();
        SecurityPolicy.Builder b = SecurityPolicy.builder();
        for (IncidentCategory c : IncidentCategory.values()) {
            double threshold = s.threshold() != null
                    ? s.threshold()
                    : defaults.policyFor(c).threshold();
            EntitySetting override = s.categories().get(c.wireName());
            String action = override == null ? s.action() : override.action();
            if (override != null && override.minConfidence().isPresent()) {
                threshold = override.minConfidence().get();
            }
            b.set(c, category(action, threshold));
        }
        return b.build();
    }

    private SecurityAnalyzer analyzer(SecuritySettings s) {
        Set<MessageRole> trusted =
                s.trustedRoles().stream().map(MessageRole::fromWire).collect(Collectors.toUnmodifiableSet());
        return analyzers.computeIfAbsent(
                trusted, roles -> SecurityAnalyzer.builder().trustedRoles(roles).build());
    }

    private static CategoryPolicy category(String action, double threshold) {
        SecurityAction a = SecurityAction.valueOf(action.toUpperCase(Locale.ROOT));
        return switch (a) {
            case BLOCK -> CategoryPolicy.block(threshold);
            case FLAG -> CategoryPolicy.flag(threshold);
            case OFF -> CategoryPolicy.off();
        };
    }

    private static PiiAction piiAction(String word) {
        return PiiAction.valueOf(word.toUpperCase(Locale.ROOT));
    }
}
