package io.monago.atrium.gateway.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.TextSlot;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.protocol.PolicyDecision;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The state of one call as it walks through the filter chain. Each filter reads what earlier
 * filters found and adds its own findings; on the way back the audit filter freezes it into the
 * immutable {@link Verdict}. Filters hand it on one at a time (a filter that moves work to another
 * thread touches it again only when that work is back), so it needs no locking.
 *
 * <p>State a filter needs only for itself (the redaction session, the idempotency claim) stays in
 * that filter's answer half, not here.
 */
public final class Exchange {

    private final String auditId;
    private final Instant receivedAt;
    private final long startNanos;
    private final String fallbackWorkspace;
    private final InboundRequest request;

    private Principal principal;
    private WorkspacePolicy workspace;
    private RequestTags tags = RequestTags.NONE;
    private List<TextSlot> headerTexts = List.of();
    private ObjectNode body;
    private String model;
    private String recordedModel;
    private ModelRoute route;
    private Inspection inspection;
    private PolicyOutcome policyOutcome;
    private PolicyDecision decision = PolicyDecision.ALLOWED;
    private String blockReason;
    private final Set<String> piiRedacted = new LinkedHashSet<>();
    private final Map<String, Integer> piiInput = new LinkedHashMap<>();
    private final Map<String, Integer> piiOutput = new LinkedHashMap<>();
    private final Set<String> incidents = new LinkedHashSet<>();
    private final List<String> matchedRules = new ArrayList<>();
    private String policyVersion;
    private UsageSoFar usageSoFar;
    private String provider;
    private Usage usage = Usage.NONE;
    private double costIdr;
    private Verdict verdict;
    private StreamOutcome stream;
    private final List<Attempt> attempts = new ArrayList<>(1);
    private final List<Evaluation> evaluations = new ArrayList<>(0);
    private final List<SecurityEvidence> securityEvidence = new ArrayList<>(0);
    private final List<Consumer<HttpReply>> replyListeners = new ArrayList<>(1);
    private JsonNode forwardedMessages;
    private String answerText;
    private Context traceContext;
    private String traceId;

    /**
     * Starts an exchange.
     *
     * @param auditId the id its audit record will have
     * @param receivedAt wall-clock arrival time, for the record
     * @param startNanos monotonic arrival time, for latency
     * @param fallbackWorkspace the workspace a call is recorded under when its key is not known, so
     *     that workspace's admins can read failed attempts
     * @param request the request as it arrived
     */
    public Exchange(
            String auditId, Instant receivedAt, long startNanos, String fallbackWorkspace, InboundRequest request) {
        this.auditId = auditId;
        this.receivedAt = receivedAt;
        this.startNanos = startNanos;
        this.fallbackWorkspace = fallbackWorkspace;
        this.request = request;
    }

    /** {@return the audit id} */
    public String auditId() {
        return auditId;
    }

    /** {@return the request as it arrived} */
    public InboundRequest request() {
        return request;
    }

    /** {@return the authenticated caller, once authentication succeeded (or found a disabled key)} */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * Records who is calling and under which workspace's policy, resolved once for the whole call.
     *
     * @param principal the key's record
     * @param workspace the policy of the key's workspace
     */
    public void caller(Principal principal, WorkspacePolicy workspace) {
        this.principal = principal;
        this.workspace = workspace;
    }

    /**
     * Records a key that is known but may not call (a disabled key), so the record names it.
     *
     * @param principal the key's record
     */
    public void refusedCaller(Principal principal) {
        this.principal = principal;
    }

    /** {@return the caller's workspace policy; set by authentication} */
    public WorkspacePolicy workspace() {
        return required(workspace, "workspace");
    }

    /** {@return what the caller attached, in the form the record keeps (no PII value, no raw key)} */
    public RequestTags tags() {
        return tags;
    }

    /**
     * Records what the caller attached.
     *
     * @param stored the tags in the form the record keeps
     * @param headerTexts the tag texts that came from headers only, as sent, as read-only slots:
     *     kept in memory for inspection, never stored or forwarded
     */
    public void tags(RequestTags stored, List<TextSlot> headerTexts) {
        this.tags = stored;
        this.headerTexts = List.copyOf(headerTexts);
    }

    /** {@return the tag texts that came from headers only, as sent, for inspection} */
    public List<TextSlot> headerTexts() {
        return headerTexts;
    }

    /** {@return the parsed request body, which governance rewrites in place; set by validation} */
    public ObjectNode body() {
        return required(body, "body");
    }

    /**
     * Records the parsed body and the model it asks for.
     *
     * @param body the parsed body
     * @param model the requested model, for routing
     * @param recordedModel what the record says the model was: the name, or a marker when the name
     *     is not a configured one or holds personal data
     */
    public void body(ObjectNode body, String model, String recordedModel) {
        this.body = body;
        this.model = model;
        this.recordedModel = recordedModel;
    }

    /** {@return the model the caller asked for, once the body is parsed} */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** {@return the route chosen for the model; set by routing} */
    public ModelRoute route() {
        return required(route, "route");
    }

    /**
     * Records the route chosen for the model.
     *
     * @param route the route chosen for the model
     */
    public void route(ModelRoute route) {
        this.route = route;
    }

    /** {@return what the guard found in the request; set by input inspection} */
    public Inspection inspection() {
        return required(inspection, "inspection");
    }

    /**
     * Records what the guard found in the request.
     *
     * @param inspection what the guard found in the request
     */
    public void inspection(Inspection inspection) {
        this.inspection = inspection;
    }

    /** {@return what policy decided about the inspection; set by the policy decision} */
    public PolicyOutcome policyOutcome() {
        return required(policyOutcome, "policy outcome");
    }

    /**
     * Records what policy decided about the inspection.
     *
     * @param outcome what policy decided about the inspection
     */
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

    /** {@return the entity types found in the request so far} */
    public Set<String> piiInputTypes() {
        return Set.copyOf(piiInput.keySet());
    }

    /** {@return the entity types found in the answer so far} */
    public Set<String> piiOutputTypes() {
        return Set.copyOf(piiOutput.keySet());
    }

    /**
     * Records an entity type that was redacted or withheld.
     *
     * @param entityType an entity type that was redacted or withheld
     */
    public void piiRedacted(String entityType) {
        piiRedacted.add(entityType);
    }

    /**
     * Records a security incident category found.
     *
     * @param category a security incident category found
     */
    public void incident(String category) {
        incidents.add(category);
    }

    /**
     * Records why the security analysis reported an incident, for the audit record.
     *
     * @param evidence the incident's category, score, place and signals
     */
    public void securityEvidence(SecurityEvidence evidence) {
        securityEvidence.add(evidence);
    }

    /**
     * Records a policy rule that matched.
     *
     * @param ruleId a policy rule that matched
     */
    public void matchedRule(String ruleId) {
        matchedRules.add(ruleId);
    }

    /**
     * Records the version of the rules the call is decided under.
     *
     * @param version the rule set's version
     */
    public void policyVersion(String version) {
        this.policyVersion = version;
    }

    /**
     * Records what the caller had used before this call, for rules that read it.
     *
     * @param usage the key's and workspace's usage so far
     */
    public void usageSoFar(UsageSoFar usage) {
        this.usageSoFar = usage;
    }

    /** {@return what the caller had used before this call, when the limit filter looked it up} */
    public Optional<UsageSoFar> usageSoFar() {
        return Optional.ofNullable(usageSoFar);
    }

    /** {@return the usage metered so far; none until the answer is metered} */
    public Usage usage() {
        return usage;
    }

    /** {@return the cost metered so far, in rupiah; 0 until the answer is metered} */
    public double costIdr() {
        return costIdr;
    }

    /** {@return when the call arrived, wall-clock} */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Marks the call as forwarded under monitoring. */
    public void flag() {
        if (decision == PolicyDecision.ALLOWED) {
            decision = PolicyDecision.FLAGGED;
        }
    }

    /** {@return the decision so far} */
    public PolicyDecision decision() {
        return decision;
    }

    /**
     * Records the provider that answers the call.
     *
     * @param providerName the provider that answers the call
     */
    public void provider(String providerName) {
        this.provider = providerName;
    }

    /**
     * Records one try at a provider.
     *
     * @param attempt the try
     */
    public void attempt(Attempt attempt) {
        attempts.add(attempt);
    }

    /**
     * Records one evaluator's result.
     *
     * @param evaluation the result
     */
    public void evaluation(Evaluation evaluation) {
        evaluations.add(evaluation);
    }

    /** {@return the evaluators' results so far, in the order they ran} */
    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
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
     * Freezes the exchange into the verdict the headers and the audit record are rendered from.
     * May be called again (an audit write that failed turns the answer into an error). The
     * decision is {@code blocked} for a policy block, {@code rejected} for any other error status,
     * else what policy decided ({@code allowed} or {@code flagged}).
     *
     * @param status the HTTP status of the response
     * @param rejection the rejection, when the call ends in an error
     * @param nowNanos monotonic time now, for latency
     * @return the verdict, also kept as {@link #verdict()}
     */
    public Verdict freeze(int status, Optional<Rejection> rejection, long nowNanos) {
        Optional<String> reason = Optional.ofNullable(blockReason);
        PolicyDecision finalDecision = decision;
        if (rejection.isPresent() && rejection.get().code().isBlock()) {
            finalDecision = PolicyDecision.BLOCKED;
            reason = rejection.get().blockReason().or(() -> Optional.ofNullable(blockReason));
        } else if (rejection.isPresent() && status >= 400) {
            // Answered with an error that policy did not cause: neither allowed nor blocked, whatever
            // policy said before. A stream that fails after its 200 keeps the word its headers sent.
            finalDecision = PolicyDecision.REJECTED;
        }
        boolean piiDetected = !piiInput.isEmpty() || !piiOutput.isEmpty();
        verdict = new Verdict(
                auditId,
                receivedAt,
                principal().map(Principal::workspaceId).orElse(fallbackWorkspace),
                principal().map(Principal::keyId),
                Optional.ofNullable(recordedModel),
                Optional.ofNullable(provider),
                finalDecision,
                reason,
                piiDetected,
                List.copyOf(piiRedacted),
                piiInput,
                piiOutput,
                List.copyOf(incidents),
                securityEvidence,
                matchedRules,
                Optional.ofNullable(policyVersion),
                usage,
                costIdr,
                (nowNanos - startNanos) / 1_000_000.0,
                status,
                rejection.map(r -> r.code().code()),
                recordedTags(),
                Optional.ofNullable(stream),
                attempts,
                evaluations);
        return verdict;
    }

    /** The tags as recorded: under tracing, with the server span's trace id, so record and trace meet. */
    private RequestTags recordedTags() {
        if (traceId == null || tags.traceId().equals(Optional.of(traceId))) {
            return tags;
        }
        return new RequestTags(
                tags.user(), tags.sessionId(), tags.metadata(), Optional.of(traceId), tags.idempotencyKey());
    }

    /**
     * Records the trace context of the call's server span (only when tracing is on), for the spans
     * of the filters and the provider call; the audit record keeps its trace id.
     *
     * @param context the context holding the server span
     */
    public void traceContext(Context context) {
        this.traceContext = context;
        SpanContext span = Span.fromContext(context).getSpanContext();
        this.traceId = span.isValid() ? span.getTraceId() : null;
    }

    /** {@return the trace context of the call's server span; empty when tracing is off} */
    public Optional<Context> traceContext() {
        return Optional.ofNullable(traceContext);
    }

    /** {@return the model as the record names it (a configured name or a marker), once the body is parsed} */
    public Optional<String> recordedModel() {
        return Optional.ofNullable(recordedModel);
    }

    /** {@return the provider that answers the call, once one was chosen} */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** {@return the tries at providers so far} */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /**
     * Keeps a copy of the messages as forwarded, after redaction, for a workspace that keeps content
     * beside its audit records. Never called with the messages as they arrived.
     *
     * @param messages the redacted {@code messages} array, copied
     */
    public void forwardedMessages(JsonNode messages) {
        this.forwardedMessages = messages;
    }

    /** {@return the redacted messages kept for the audit content, if the workspace keeps content} */
    public Optional<JsonNode> forwardedMessages() {
        return Optional.ofNullable(forwardedMessages);
    }

    /**
     * Keeps the answer's text as governed, with placeholders (never restored values), for a
     * workspace that keeps content beside its audit records.
     *
     * @param text the text of the answer's choices
     */
    public void answerText(String text) {
        this.answerText = text;
    }

    /** {@return the governed answer text kept for the audit content, if there is one} */
    public Optional<String> answerText() {
        return Optional.ofNullable(answerText);
    }

    /**
     * Records how a streamed answer ended.
     *
     * @param outcome how it ended
     */
    public void streamed(StreamOutcome outcome) {
        this.stream = outcome;
    }

    /** {@return the frozen verdict, once the audit filter froze it} */
    public Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /**
     * Asks to be told the answer exactly as it is sent, once it is (the idempotency filter keeps it
     * for replays).
     *
     * @param listener receives the sent answer, on the event loop
     */
    public void onReplied(Consumer<HttpReply> listener) {
        replyListeners.add(listener);
    }

    /** {@return whether anyone asked to be told the answer as sent (then a streamed one is kept whole)} */
    public boolean hasReplyListeners() {
        return !replyListeners.isEmpty();
    }

    /**
     * Tells the listeners the answer that was sent.
     *
     * @param reply the answer as sent
     */
    public void replied(HttpReply reply) {
        for (Consumer<HttpReply> l : replyListeners) {
            l.accept(reply);
        }
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException(
                    "the " + what + " is not known yet: a filter runs before the one that sets it");
        }
        return value;
    }
}
