package io.monago.atrium.gateway.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.auth.Principal;
import io.monago.atrium.gateway.idempotency.IdempotencyGate;
import io.monago.atrium.gateway.inspect.Inspection;
import io.monago.atrium.gateway.policy.PolicyOutcome;
import io.monago.atrium.gateway.route.ModelRoute;
import io.monago.atrium.guard.redact.RedactionSession;
import io.monago.atrium.protocol.PolicyDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one call as it walks through the governance steps. Each step reads what earlier
 * steps found and adds its own findings; at the end, {@link #verdict} freezes it into the immutable
 * {@link Verdict}. Confined to the event-loop thread that received the request, so it needs no
 * locking.
 */
public final class Exchange {

    private final String auditId;
    private final Instant receivedAt;
    private final long startNanos;
    private final String fallbackWorkspace;

    private InboundRequest request;
    private RequestTags tags = RequestTags.NONE;
    private Principal principal;
    private ObjectNode body;
    private String model;
    private ModelRoute route;
    private Inspection inspection;
    private PolicyOutcome policyOutcome;
    private IdempotencyGate.Ticket idempotencyTicket;
    private PolicyDecision decision = PolicyDecision.ALLOWED;
    private String blockReason;
    private final Set<String> piiRedacted = new LinkedHashSet<>();
    private final Map<String, Integer> piiInput = new LinkedHashMap<>();
    private final Map<String, Integer> piiOutput = new LinkedHashMap<>();
    private final Set<String> incidents = new LinkedHashSet<>();
    private final List<String> matchedRules = new ArrayList<>();
    private String provider;
    private Usage usage = Usage.NONE;
    private double costIdr;
    private RedactionSession redaction;

    /**
     * Starts an exchange.
     *
     * @param auditId the id its audit record will have
     * @param receivedAt wall-clock arrival time, for the record
     * @param startNanos monotonic arrival time, for latency
     * @param fallbackWorkspace the workspace a call is recorded under when its key is not known, so
     *     that workspace's admins can read failed attempts
     */
    public Exchange(String auditId, Instant receivedAt, long startNanos, String fallbackWorkspace) {
        this.auditId = auditId;
        this.receivedAt = receivedAt;
        this.startNanos = startNanos;
        this.fallbackWorkspace = fallbackWorkspace;
    }

    /** @return the audit id */
    public String auditId() {
        return auditId;
    }

    /** @return monotonic arrival time in nanoseconds */
    public long startNanos() {
        return startNanos;
    }

    /** @return the request as it arrived */
    public InboundRequest request() {
        return request;
    }

    /** @param request the request as it arrived */
    public void request(InboundRequest request) {
        this.request = request;
    }

    /** @return what the caller attached */
    public RequestTags tags() {
        return tags;
    }

    /** @param tags what the caller attached */
    public void tags(RequestTags tags) {
        this.tags = tags;
    }

    /** @return the authenticated caller, once authentication succeeded */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /** @param principal the authenticated caller */
    public void principal(Principal principal) {
        this.principal = principal;
    }

    /** @return the parsed request body, once parsed */
    public ObjectNode body() {
        return body;
    }

    /** @param body the parsed request body, which governance may rewrite in place */
    public void body(ObjectNode body) {
        this.body = body;
    }

    /** @return the requested model, once known */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @param model the requested model */
    public void model(String model) {
        this.model = model;
    }

    /** @return the route chosen for the model */
    public ModelRoute route() {
        return route;
    }

    /** @param route the route chosen for the model */
    public void route(ModelRoute route) {
        this.route = route;
    }

    /** @return what the guard found in the request, once inspected */
    public Inspection inspection() {
        return inspection;
    }

    /** @param inspection what the guard found in the request */
    public void inspection(Inspection inspection) {
        this.inspection = inspection;
    }

    /** @return the claim on the call's Idempotency-Key, when it has one to record the answer under */
    public Optional<IdempotencyGate.Ticket> idempotencyTicket() {
        return Optional.ofNullable(idempotencyTicket);
    }

    /** @param ticket the claim on the call's Idempotency-Key */
    public void idempotencyTicket(IdempotencyGate.Ticket ticket) {
        this.idempotencyTicket = ticket;
    }

    /** @return what policy decided about the inspection, once decided */
    public PolicyOutcome policyOutcome() {
        return policyOutcome;
    }

    /** @param outcome what policy decided about the inspection */
    public void policyOutcome(PolicyOutcome outcome) {
        this.policyOutcome = outcome;
    }

    /**
     * Records PII found in the request.
     *
     * @param entityType the entity type name
     * @param count how many
     */
    public void piiInput(String entityType, int count) {
        piiInput.merge(entityType, count, Integer::sum);
    }

    /**
     * Records PII found in the answer.
     *
     * @param entityType the entity type name
     * @param count how many
     */
    public void piiOutput(String entityType, int count) {
        piiOutput.merge(entityType, count, Integer::sum);
    }

    /** @param entityType an entity type that was redacted or withheld */
    public void piiRedacted(String entityType) {
        piiRedacted.add(entityType);
    }

    /** @param category a security incident category found */
    public void incident(String category) {
        incidents.add(category);
    }

    /** @param ruleId a policy rule that matched */
    public void matchedRule(String ruleId) {
        matchedRules.add(ruleId);
    }

    /** Marks the call as forwarded under monitoring. */
    public void flag() {
        if (decision == PolicyDecision.ALLOWED) {
            decision = PolicyDecision.FLAGGED;
        }
    }

    /**
     * Marks the call as blocked.
     *
     * @param reason the block reason sentence
     */
    public void block(String reason) {
        decision = PolicyDecision.BLOCKED;
        blockReason = reason;
    }

    /** @return the decision so far */
    public PolicyDecision decision() {
        return decision;
    }

    /** @param providerName the provider that answered */
    public void provider(String providerName) {
        this.provider = providerName;
    }

    /**
     * Records what the call consumed.
     *
     * @param usage token usage
     * @param costIdr cost in rupiah
     */
    public void metered(Usage usage, double costIdr) {
        this.usage = usage;
        this.costIdr = costIdr;
    }

    /**
     * The request's redaction session: which placeholder stands for which value, in reversible
     * mode. Lives as long as the request, in memory only; never copied into the verdict, so never
     * audited or logged.
     *
     * @return the session, once the redact step made one
     */
    public Optional<RedactionSession> redaction() {
        return Optional.ofNullable(redaction);
    }

    /** @param session the request's redaction session */
    public void redaction(RedactionSession session) {
        this.redaction = session;
    }

    /**
     * Freezes the exchange.
     *
     * @param status the HTTP status of the response
     * @param rejection the rejection, when the call ends in an error
     * @param nowNanos monotonic time now, for latency
     * @return the verdict
     */
    public Verdict verdict(int status, Optional<Rejection> rejection, long nowNanos) {
        Optional<String> reason = Optional.ofNullable(blockReason);
        PolicyDecision finalDecision = decision;
        if (rejection.isPresent() && rejection.get().code().isBlock()) {
            finalDecision = PolicyDecision.BLOCKED;
            reason = rejection.get().blockReason().or(() -> Optional.ofNullable(blockReason));
        }
        boolean piiDetected = !piiInput.isEmpty() || !piiOutput.isEmpty();
        return new Verdict(
                auditId,
                receivedAt,
                principal().map(Principal::workspaceId).orElse(fallbackWorkspace),
                principal().map(Principal::keyId),
                Optional.ofNullable(model),
                Optional.ofNullable(provider),
                finalDecision,
                reason,
                piiDetected,
                List.copyOf(piiRedacted),
                piiInput,
                piiOutput,
                List.copyOf(incidents),
                matchedRules,
                usage,
                costIdr,
                (nowNanos - startNanos) / 1_000_000.0,
                status,
                rejection.map(r -> r.code().code()),
                tags);
    }
}
