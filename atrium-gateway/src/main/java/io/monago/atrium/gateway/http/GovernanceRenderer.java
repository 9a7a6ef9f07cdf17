package io.monago.atrium.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.exchange.Verdict;
import io.monago.atrium.protocol.PolicyDecision;
import io.monago.atrium.protocol.ProtocolHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place a verdict becomes HTTP: the nine governance headers of docs/protocol.md §3 on every
 * answer, and the error body of §4 on errors.
 */
public final class GovernanceRenderer {

    private final ObjectMapper json;

    /**
     * Creates the renderer.
     *
     * @param json the shared mapper
     */
    public GovernanceRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** {@return the shared mapper, for bodies made here} */
    ObjectMapper json() {
        return json;
    }

    /**
     * The decision as the header carries it: the protocol's three words, and nothing (empty, which
     * clients read as no decision) for a call refused for another reason. That call's record says
     * {@code rejected}.
     */
    private static String headerWord(PolicyDecision decision) {
        return decision == PolicyDecision.REJECTED ? "" : decision.wire();
    }

    /**
     * Writes the governance headers.
     *
     * @param v the verdict
     * @param headers the response headers
     */
    public void headers(Verdict v, MultiMap headers) {
        headers.set(ProtocolHeaders.AUDIT_ID, v.auditId());
        headers.set(ProtocolHeaders.PII_DETECTED, Boolean.toString(v.piiDetected()));
        headers.set(ProtocolHeaders.PII_REDACTED, String.join(",", v.piiRedacted()));
        headers.set(ProtocolHeaders.POLICY_DECISION, headerWord(v.decision()));
        headers.set(ProtocolHeaders.PROVIDER, v.provider().orElse(""));
        headers.set(ProtocolHeaders.LATENCY_MS, decimal(v.latencyMs(), 3));
        headers.set(ProtocolHeaders.COST_IDR, decimal(v.costIdr(), 4));
        headers.set(ProtocolHeaders.SECURITY_INCIDENT, String.join(",", v.securityIncidents()));
        headers.set(ProtocolHeaders.BLOCK_REASON, v.blockReason().orElse(""));
    }

    /**
     * Writes the governance headers a stream starts with: only what is known before its first
     * token (docs/protocol.md §5). Latency and cost are known at its end, so they travel in the
     * final chunk's {@code governance} object instead of as a misleading zero here.
     *
     * @param v the verdict so far
     * @param headers the response headers
     */
    public void streamHeaders(Verdict v, MultiMap headers) {
        headers.set(ProtocolHeaders.AUDIT_ID, v.auditId());
        headers.set(ProtocolHeaders.PII_DETECTED, Boolean.toString(v.piiDetected()));
        headers.set(ProtocolHeaders.PII_REDACTED, String.join(",", v.piiRedacted()));
        headers.set(ProtocolHeaders.POLICY_DECISION, headerWord(v.decision()));
        headers.set(ProtocolHeaders.PROVIDER, v.provider().orElse(""));
        headers.set(ProtocolHeaders.SECURITY_INCIDENT, String.join(",", v.securityIncidents()));
    }

    /**
     * Renders the {@code governance} object a stream's final chunk carries (docs/protocol.md §5):
     * the facts of the headers, known only once the stream has ended.
     *
     * @param v the verdict
     * @return the object
     */
    public ObjectNode governance(Verdict v) {
        ObjectNode g = json.createObjectNode();
        g.put("audit_id", v.auditId());
        g.put("pii_detected", v.piiDetected());
        ArrayNode redacted = g.putArray("pii_redacted");
        v.piiRedacted().forEach(redacted::add);
        g.put("policy_decision", v.decision().wire());
        if (v.provider().isPresent()) {
            g.put("provider", v.provider().get());
        } else {
            g.putNull("provider");
        }
        g.put("latency_ms", new BigDecimal(decimal(v.latencyMs(), 3)));
        g.put("cost_idr", new BigDecimal(decimal(v.costIdr(), 4)));
        ArrayNode incidents = g.putArray("security_incidents");
        v.securityIncidents().forEach(incidents::add);
        if (v.blockReason().isPresent()) {
            g.put("block_reason", v.blockReason().get());
        } else {
            g.putNull("block_reason");
        }
        return g;
    }

    /**
     * Renders the protocol's error body.
     *
     * @param r the rejection
     * @return {@code {"error": {"message", "type", "code", "param"}}}
     */
    public Buffer errorBody(Rejection r) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", r.message());
        error.put("type", r.code().type());
        error.put("code", r.code().code());
        error.putNull("param");
        return body(root);
    }

    /**
     * Serialises a JSON body.
     *
     * @param node the body
     * @return its bytes
     */
    public Buffer body(ObjectNode node) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body cannot be rendered", e);
        }
    }

    static String decimal(double value, int scale) {
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value)
                .setScale(scale, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
