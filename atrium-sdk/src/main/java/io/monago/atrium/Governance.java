package io.monago.atrium;

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
 * (docs/protocol.md §3). Every completion and every exception carries one; a response without the
 * headers (a plain OpenAI server, say) gives {@link #empty()}.
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
     * @param headers response headers; names are matched without regard to case, the first value
     *     of each is used
     * @return the parsed governance
     */
    public static Governance fromHeaders(Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        return new Governance(
                text(headers, ProtocolHeaders.AUDIT_ID),
                bool(headers, ProtocolHeaders.PII_DETECTED),
                list(headers, ProtocolHeaders.PII_REDACTED),
                text(headers, ProtocolHeaders.POLICY_DECISION),
                text(headers, ProtocolHeaders.PROVIDER),
                number(headers, ProtocolHeaders.LATENCY_MS),
                number(headers, ProtocolHeaders.COST_IDR),
                list(headers, ProtocolHeaders.SECURITY_INCIDENT),
                text(headers, ProtocolHeaders.BLOCK_REASON));
    }

    private static String text(Map<String, List<String>> headers, String name) {
        return Headers.first(headers, name)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse(null);
    }

    private static boolean bool(Map<String, List<String>> headers, String name) {
        return Headers.first(headers, name)
                .map(v -> TRUE_SPELLINGS.contains(v.trim().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    private static List<String> list(Map<String, List<String>> headers, String name) {
        String value = Headers.first(headers, name).orElse("");
        if (value.isBlank()) {
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

    private static OptionalDouble number(Map<String, List<String>> headers, String name) {
        String value = Headers.first(headers, name).map(String::trim).orElse("");
        if (!DECIMAL.matcher(value).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(value));
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
     * What policy decided ({@code X-Monago-Policy-Decision}): {@code allowed}, {@code flagged} or
     * {@code blocked}, as sent.
     *
     * @return the decision word, or empty when absent
     */
    public Optional<String> policyDecision() {
        return Optional.ofNullable(policyDecision);
    }

    /**
     * The policy decision as an enum.
     *
     * @return the decision, or empty when absent or not one of the three protocol words
     */
    public Optional<PolicyDecision> decision() {
        return PolicyDecision.fromWire(policyDecision);
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
     * @return true exactly when the decision is {@code blocked}
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

    @Override
    public String toString() {
        return "Governance{auditId=" + auditId + ", piiDetected=" + piiDetected + ", piiRedacted=" + piiRedacted
                + ", policyDecision=" + policyDecision + ", provider=" + provider + ", latencyMs=" + latencyMs
                + ", costIdr=" + costIdr + ", securityIncidents=" + securityIncidents + ", blockReason="
                + blockReason + "}";
    }
}
