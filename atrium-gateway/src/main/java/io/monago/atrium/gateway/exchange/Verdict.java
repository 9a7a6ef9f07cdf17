package io.monago.atrium.gateway.exchange;

import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.protocol.PolicyDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything governance concluded about one call. Immutable; the response headers, the error body
 * and the audit record are all rendered from this one value, so they cannot disagree.
 *
 * @param auditId the call's audit id
 * @param timestamp when the call arrived
 * @param workspaceId the caller's workspace; the gateway's default workspace when the key was not known
 * @param keyId the caller's key id, if the key was known
 * @param model the requested model, if the body named one
 * @param provider the provider that answered, if one was called
 * @param decision what policy decided
 * @param blockReason why it was blocked
 * @param piiDetected whether PII was found in the request or the answer
 * @param piiRedacted entity types redacted (or withheld, on a block), in first-seen order
 * @param piiInput entity type counts found in the request
 * @param piiOutput entity type counts found in the answer
 * @param securityIncidents incident categories found
 * @param securityEvidence per incident reported by the analysis (counted by policy or not): score,
 *     place and strongest signals, highest score first
 * @param matchedRules ids of the policy rules that matched
 * @param policyVersion the version of the workspace's rules the call was decided under, when the
 *     call got that far
 * @param usage token usage
 * @param costIdr cost in rupiah
 * @param latencyMs time spent in the gateway, upstream call included
 * @param status the HTTP status of the response
 * @param errorCode the protocol error code, on errors
 * @param tags what the caller attached
 * @param stream how a streamed answer ended; empty for an answer sent whole
 * @param attempts every try at a provider, in order
 * @param evaluations what each evaluator that ran on the call found, in the order they ran
 */
public record Verdict(
        String auditId,
        Instant timestamp,
        String workspaceId,
        Optional<String> keyId,
        Optional<String> model,
        Optional<String> provider,
        PolicyDecision decision,
        Optional<String> blockReason,
        boolean piiDetected,
        List<String> piiRedacted,
        Map<String, Integer> piiInput,
        Map<String, Integer> piiOutput,
        List<String> securityIncidents,
        List<SecurityEvidence> securityEvidence,
        List<String> matchedRules,
        Optional<String> policyVersion,
        Usage usage,
        double costIdr,
        double latencyMs,
        int status,
        Optional<String> errorCode,
        RequestTags tags,
        Optional<StreamOutcome> stream,
        List<Attempt> attempts,
        List<Evaluation> evaluations) {

    /**
     * Copies the collections.
     *
     * @param auditId see the record description
     * @param timestamp see the record description
     * @param workspaceId see the record description
     * @param keyId see the record description
     * @param model see the record description
     * @param provider see the record description
     * @param decision see the record description
     * @param blockReason see the record description
     * @param piiDetected see the record description
     * @param piiRedacted see the record description
     * @param piiInput see the record description
     * @param piiOutput see the record description
     * @param securityIncidents see the record description
     * @param securityEvidence see the record description
     * @param matchedRules see the record description
     * @param policyVersion see the record description
     * @param usage see the record description
     * @param costIdr see the record description
     * @param latencyMs see the record description
     * @param status see the record description
     * @param errorCode see the record description
     * @param tags see the record description
     * @param stream see the record description
     * @param attempts see the record description
     * @param evaluations see the record description
     */
    public Verdict {
        piiRedacted = List.copyOf(piiRedacted);
        piiInput = Map.copyOf(piiInput);
        piiOutput = Map.copyOf(piiOutput);
        securityIncidents = List.copyOf(securityIncidents);
        securityEvidence = List.copyOf(securityEvidence);
        matchedRules = List.copyOf(matchedRules);
        attempts = List.copyOf(attempts);
        evaluations = List.copyOf(evaluations);
    }
}
