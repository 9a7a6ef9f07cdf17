package io.monago.atrium;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.internal.Headers;
import io.monago.atrium.protocol.PolicyDecision;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the gateway did with a call, parsed from its nine {@code X-Monago-*} response headers
 * (docs/protocol.md §3) and, for a stream, merged with the {@code governance} object of its last
 * chunk (§5). Every completion, stream and exception carries one; a response without the headers (a
 * plain OpenAI server, say) gives {@link #empty()}.
 *
 * <pre>{@code
 * Governance g = client.chat().completions().create(request).governance();
 * g.auditId().ifPresent(id -> log.info("audit {}", id));
 * if (g.piiDetected()) {
 *     System.out.println("redacted: " + g.piiRedacted());   // e.g. [NIK, PHONE]
 * }
 * }</pre>
 *
 * <p>Parsing never throws: a malformed number reads as absent, an unknown boolean spelling as
 * false.
 */
public final class Governance {

    private static final Governance EMPTY = new Governance(
            null, false, List.of(), null, null, OptionalDouble.empty(), OptionalDouble.empty(), List.of(), null);
    private static final Set<String> TRUE_SPELLINGS = Set.of("1", "true", "yes", "y", "t");
    // Plain decimal with optional exponent; rejects Java-only forms such as "1d", "NaN" or hex.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String auditId;
    private final boolean piiDetected;
    private final List<String> piiRedacted;
    private final String policyDecision;
    private final String provider;
    private final OptionalDouble latencyMs;
    private final OptionalDouble costIdr;
    private final List<String> securityIncidents;
    private final String blockReason;

    private Governance(
            String auditId,
            boolean piiDetected,
            List<String> piiRedacted,
            String policyDecision,
            String provider,
            OptionalDouble latencyMs,
            OptionalDouble costIdr,
            List<String> securityIncidents,
            String blockReason) {
        this.auditId = auditId;
        this.piiDetected = piiDetected;
        this.piiRedacted = piiRedacted;
        this.policyDecision = policyDecision;
        this.provider = provider;
        this.latencyMs = latencyMs;
        this.costIdr = costIdr;
        this.securityIncidents = securityIncidents;
        this.blockReason = blockReason;
    }

    /**
     * The governance of a response that carried none of the headers.
     *
     * @return the empty value: no ids, no lists, not blocked
     */
    public static Governance empty() {
        return EMPTY;
    }

    /**
     * Parses the governance headers of a response.
     *
     * <pre>{@code
     * Governance g = Governance.fromHeaders(httpResponse.headers().map());
     * }</pre>
     *
     * @param headers response headers; names are matched without regard to case, and repeated
     *     lines of one header are joined with {@code ", "} as RFC 9110 §5.3 says (so
     *     {@code X-Monago-Pii-Redacted: NIK} and a second line {@code X-Monago-Pii-Redacted: PHONE}
     *     read as {@code [NIK, PHONE]})
     * @return the parsed governance
     */
    public static Governance fromHeaders(Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        return new Governance(
                text(header(headers, ProtocolHeaders.AUDIT_ID)),
                bool(header(headers, ProtocolHeaders.PII_DETECTED)),
                list(header(headers, ProtocolHeaders.PII_REDACTED)),
                text(header(headers, ProtocolHeaders.POLICY_DECISION)),
                text(header(headers, ProtocolHeaders.PROVIDER)),
                number(header(headers, ProtocolHeaders.LATENCY_MS)),
                number(header(headers, ProtocolHeaders.COST_IDR)),
                list(header(headers, ProtocolHeaders.SECURITY_INCIDENT)),
                text(header(headers, ProtocolHeaders.BLOCK_REASON)));
    }

    /**
     * Parses the {@code governance} object a stream's last chunk carries (docs/protocol.md §5), on
     * its own. A stream's whole governance is its headers' with this object merged over them; see
     * {@link #mergedWith(JsonNode)}.
     *
     * <pre>{@code
     * Governance g = Governance.fromJson(lastChunk.rawJson().path("governance"));
     * }</pre>
     *
     * @param governance the object, with the fields {@code audit_id}, {@code pii_detected},
     *     {@code pii_redacted}, {@code policy_decision}, {@code provider}, {@code latency_ms},
     *     {@code cost_idr}, {@code security_incidents} and {@code block_reason}
     * @return the parsed governance; fields absent, null or of the wrong kind read as absent
     */
    public static Governance fromJson(JsonNode governance) {
        return EMPTY.mergedWith(governance);
    }

    /**
     * This governance with the fields of a {@code governance} object written over it: a stream's
     * headers carry what the gateway knew before the first token, its last chunk what it knew at
     * the end (docs/protocol.md §5). A field the object carries replaces this one's, an empty list
     * included; a field absent, null or unreadable in it keeps this one's value.
     *
     * <pre>{@code
     * Governance whole = Governance.fromHeaders(headers).mergedWith(lastChunkGovernance);
     * }</pre>
     *
     * @param governance the object; anything but an object changes nothing
     * @return the merged governance
     */
    public Governance mergedWith(JsonNode governance) {
        Objects.requireNonNull(governance, "governance");
        if (!governance.isObject() || governance.isEmpty()) {
            return this;
        }
        Optional<Boolean> detected = jsonBool(governance.get("pii_detected"));
        OptionalDouble latency = jsonNumber(governance.get("latency_ms"));
        OptionalDouble cost = jsonNumber(governance.get("cost_idr"));
        return new Governance(
                jsonText(governance.get("audit_id")).orElse(auditId),
                detected.orElse(piiDetected),
                jsonList(governance.get("pii_redacted")).orElse(piiRedacted),
                jsonText(governance.get("policy_decision")).orElse(policyDecision),
                jsonText(governance.get("provider")).orElse(provider),
                latency.isPresent() ? latency : latencyMs,
                cost.isPresent() ? cost : costIdr,
                jsonList(governance.get("security_incidents")).orElse(securityIncidents),
                jsonText(governance.get("block_reason")).orElse(blockReason));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return Headers.value(headers, name).orElse(null);
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static boolean bool(String value) {
        return value != null && TRUE_SPELLINGS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return Collections.unmodifiableList(items);
    }

    private static OptionalDouble number(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(trimmed));
    }

    private static Optional<String> jsonText(JsonNode node) {
        return node != null && node.isTextual() ? Optional.ofNullable(text(node.asText())) : Optional.empty();
    }

    private static Optional<Boolean> jsonBool(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return node.isTextual() ? Optional.of(bool(node.asText())) : Optional.empty();
    }

    private static Optional<List<String>> jsonList(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(list(node.asText()));
        }
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            String value = item.isTextual() ? text(item.asText()) : null;
            if (value != null) {
                items.add(value);
            }
        }
        return Optional.of(Collections.unmodifiableList(items));
    }

    private static OptionalDouble jsonNumber(JsonNode node) {
        if (node == null) {
            return OptionalDouble.empty();
        }
        if (node.isNumber()) {
            double d = node.asDouble();
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        }
        return node.isTextual() ? number(node.asText()) : OptionalDouble.empty();
    }

    /**
     * The id of the call's audit record ({@code X-Monago-Audit-Id}); pass it to
     * {@code client.audit().retrieve(id)} to read the record.
     *
     * @return the audit id, or empty when the gateway sent none
     */
    public Optional<String> auditId() {
        return Optional.ofNullable(auditId);
    }

    /**
     * Whether PII was found in the request or the answer ({@code X-Monago-Pii-Detected}).
     *
     * @return true when the header says so ({@code 1 true yes y t}, any case)
     */
    public boolean piiDetected() {
        return piiDetected;
    }

    /**
     * The PII entity types that were redacted ({@code X-Monago-Pii-Redacted}), e.g.
     * {@code [NIK, EMAIL]}.
     *
     * @return an unmodifiable list, empty when nothing was redacted
     */
    public List<String> piiRedacted() {
        return piiRedacted;
    }

    /**
     * What the gateway decided about the call ({@code X-Monago-Policy-Decision}), as an enum.
     *
     * <pre>{@code
     * if (g.decision().filter(d -> d == PolicyDecision.FLAGGED).isPresent()) { ... }
     * }</pre>
     *
     * @return the decision, or empty when absent or not exactly one of the protocol's words
     *     ({@code Blocked} is none of them; {@link #decisionWord()} keeps it as sent)
     */
    public Optional<PolicyDecision> decision() {
        return PolicyDecision.fromWire(policyDecision);
    }

    /**
     * The decision word as sent ({@code X-Monago-Policy-Decision}): {@code allowed},
     * {@code flagged}, {@code blocked} or {@code rejected}, surrounding space removed, case kept, a
     * word this SDK does not know included.
     *
     * @return the word, or empty when absent
     */
    public Optional<String> decisionWord() {
        return Optional.ofNullable(policyDecision);
    }

    /**
     * The provider that answered ({@code X-Monago-Provider}), e.g. {@code openai} or {@code echo}.
     *
     * @return the provider, or empty when absent
     */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /**
     * Milliseconds the gateway spent on the call, upstream included ({@code X-Monago-Latency-Ms}).
     *
     * @return the latency, or empty when absent or not a number
     */
    public OptionalDouble latencyMs() {
        return latencyMs;
    }

    /**
     * Cost of the call in Indonesian rupiah ({@code X-Monago-Cost-Idr}).
     *
     * @return the cost, or empty when absent or not a number
     */
    public OptionalDouble costIdr() {
        return costIdr;
    }

    /**
     * Security incident categories found ({@code X-Monago-Security-Incident}), e.g.
     * {@code [prompt_injection]}.
     *
     * @return an unmodifiable list, empty when none
     */
    public List<String> securityIncidents() {
        return securityIncidents;
    }

    /**
     * Why the call was blocked ({@code X-Monago-Block-Reason}), e.g. {@code PII detected: NIK}.
     *
     * @return the reason, or empty when absent
     */
    public Optional<String> blockReason() {
        return Optional.ofNullable(blockReason);
    }

    /**
     * Whether policy blocked the call.
     *
     * @return true exactly when the decision is {@code blocked}, in lower case as the protocol
     *     writes it
     */
    public boolean blocked() {
        return decision().filter(d -> d == PolicyDecision.BLOCKED).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Governance g
                && piiDetected == g.piiDetected
                && Objects.equals(auditId, g.auditId)
                && piiRedacted.equals(g.piiRedacted)
                && Objects.equals(policyDecision, g.policyDecision)
                && Objects.equals(provider, g.provider)
                && latencyMs.equals(g.latencyMs)
                && costIdr.equals(g.costIdr)
                && securityIncidents.equals(g.securityIncidents)
                && Objects.equals(blockReason, g.blockReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                auditId,
                piiDetected,
                piiRedacted,
                policyDecision,
                provider,
                latencyMs,
                costIdr,
                securityIncidents,
                blockReason);
    }

    /** {@return the fields present, e.g. {@code Governance{auditId=audit-1, piiDetected=false, decision=allowed}}} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Governance{");
        field(b, "auditId", auditId);
        b.append(b.length() > 11 ? ", " : "").append("piiDetected=").append(piiDetected);
        if (!piiRedacted.isEmpty()) {
            b.append(", piiRedacted=").append(piiRedacted);
        }
        field(b, "decision", policyDecision);
        field(b, "provider", provider);
        if (latencyMs.isPresent()) {
            b.append(", latencyMs=").append(latencyMs.getAsDouble());
        }
        if (costIdr.isPresent()) {
            b.append(", costIdr=").append(costIdr.getAsDouble());
        }
        if (!securityIncidents.isEmpty()) {
            b.append(", securityIncidents=").append(securityIncidents);
        }
        field(b, "blockReason", blockReason);
        return b.append('}').toString();
    }

    // An absent field is left out rather than printed as null: the accessors say Optional.
    private static void field(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(b.length() > 11 ? ", " : "").append(name).append('=').append(value);
        }
    }
}
