package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The conformance files' governance field names, read off a {@link Governance} as plain values. */
final class GovernanceFields {

    /** Field name to (reader, default when the case does not list it). */
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    private record Field(Function<Governance, Object> read, Object absent) {}

    static {
        FIELDS.put("audit_id", new Field(g -> g.auditId().orElse(null), null));
        FIELDS.put("pii_detected", new Field(Governance::piiDetected, false));
        FIELDS.put("pii_redacted", new Field(Governance::piiRedacted, List.of()));
        FIELDS.put("policy_decision", new Field(g -> g.decisionWord().orElse(null), null));
        FIELDS.put("provider", new Field(g -> g.provider().orElse(null), null));
        FIELDS.put("latency_ms", new Field(g -> boxed(g.latencyMs()), null));
        FIELDS.put("cost_idr", new Field(g -> boxed(g.costIdr()), null));
        FIELDS.put("security_incidents", new Field(Governance::securityIncidents, List.of()));
        FIELDS.put("block_reason", new Field(g -> g.blockReason().orElse(null), null));
        FIELDS.put("blocked", new Field(Governance::blocked, false));
    }

    private GovernanceFields() {}

    /** Asserts every governance field: the expected value where the case lists it, else the default. */
    static void assertAll(Governance actual, JsonNode expect) {
        FIELDS.forEach((name, field) -> {
            Object expected = expect.has(name) ? plain(expect.get(name)) : field.absent();
            assertThat(field.read().apply(actual)).as(name).isEqualTo(expected);
        });
    }

    /** Asserts only the governance fields the case lists. */
    static void assertListed(Governance actual, JsonNode expect) {
        FIELDS.forEach((name, field) -> {
            if (expect.has(name)) {
                assertThat(field.read().apply(actual)).as(name).isEqualTo(plain(expect.get(name)));
            }
        });
    }

    static boolean isGovernanceField(String name) {
        return FIELDS.containsKey(name);
    }

    private static Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return items;
        }
        return value.asText();
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
