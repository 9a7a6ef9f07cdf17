package io.monago.atrium.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.http.AtriumRequest;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What telemetry may say about a call: the model asked for, and from the answer the governance
 * headers (audit id, decision, provider, entity types redacted, incidents, cost, the gateway's
 * latency), the usage, the model that answered and the finish reasons. It holds no message text,
 * no detected value and no key, so every field may become a span attribute or a meter tag.
 *
 * <pre>{@code
 * CallSummary s = CallSummary.of(request).answered(response);
 * s.auditId();  s.decision();  s.inputTokens();
 * }</pre>
 *
 * @param chat whether the call is a chat completion
 * @param requestModel the model asked for
 * @param stream whether the answer was asked for as a stream
 * @param status the HTTP status, once answered
 * @param auditId the audit id
 * @param decision the policy decision word
 * @param provider the provider that answered
 * @param piiRedacted the entity types redacted
 * @param incidents the security incident categories
 * @param costIdr the cost in rupiah
 * @param gatewayLatencyMs the latency the gateway reported
 * @param responseModel the model that answered
 * @param responseId the answer's id
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param finishReasons why each choice stopped
 * @param errorCode the protocol error code of an error answer
 */
public record CallSummary(
        boolean chat,
        Optional<String> requestModel,
        boolean stream,
        OptionalLong status,
        Optional<String> auditId,
        Optional<String> decision,
        Optional<String> provider,
        List<String> piiRedacted,
        List<String> incidents,
        OptionalDouble costIdr,
        OptionalDouble gatewayLatencyMs,
        Optional<String> responseModel,
        Optional<String> responseId,
        OptionalLong inputTokens,
        OptionalLong outputTokens,
        List<String> finishReasons,
        Optional<String> errorCode) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The finish reasons the wire defines; anything else is shown as {@code other}. */
    private static final Set<String> FINISH_REASONS =
            Set.of("stop", "length", "tool_calls", "content_filter", "function_call");

    /**
     * Copies the lists.
     *
     * @param chat see the record description
     * @param requestModel see the record description
     * @param stream see the record description
     * @param status see the record description
     * @param auditId see the record description
     * @param decision see the record description
     * @param provider see the record description
     * @param piiRedacted see the record description
     * @param incidents see the record description
     * @param costIdr see the record description
     * @param gatewayLatencyMs see the record description
     * @param responseModel see the record description
     * @param responseId see the record description
     * @param inputTokens see the record description
     * @param outputTokens see the record description
     * @param finishReasons see the record description
     * @param errorCode see the record description
     */
    public CallSummary {
        piiRedacted = List.copyOf(piiRedacted);
        incidents = List.copyOf(incidents);
        finishReasons = List.copyOf(finishReasons);
    }

    /**
     * Reads what a request asks for: whether it is a chat completion, its model, whether it streams.
     *
     * @param request the request
     * @return the summary, not yet answered
     */
    public static CallSummary of(AtriumRequest request) {
        boolean chat = request.uri().getPath().endsWith("/chat/completions");
        Optional<String> model = Optional.empty();
        boolean stream = false;
        if (chat && request.body().isPresent()) {
            JsonNode body = tree(request.body().get());
            model = text(body.path("model"));
            stream = body.path("stream").asBoolean(false);
        }
        return new CallSummary(
                chat,
                model,
                stream,
                OptionalLong.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                List.of(),
                Optional.empty());
    }

    /**
     * Adds what the answer said: its governance headers, and from a body read whole its model,
     * id, usage and finish reasons (or the error code of an error).
     *
     * @param response the answer
     * @return the summary, answered
     */
    public CallSummary answered(AtriumResponse response) {
        JsonNode body = response.bodyPublisher().isPresent() ? JSON.missingNode() : tree(response.body());
        List<String> reasons = new ArrayList<>();
        for (JsonNode choice : body.path("choices")) {
            String r = choice.path("finish_reason").asText("");
            if (!r.isEmpty()) {
                reasons.add(FINISH_REASONS.contains(r) ? r : "other");
            }
        }
        JsonNode usage = body.path("usage");
        return new CallSummary(
                chat,
                requestModel,
                stream,
                OptionalLong.of(response.statusCode()),
                response.header(ProtocolHeaders.AUDIT_ID).filter(s -> !s.isEmpty()),
                response.header(ProtocolHeaders.POLICY_DECISION).filter(s -> !s.isEmpty()),
                response.header(ProtocolHeaders.PROVIDER).filter(s -> !s.isEmpty()),
                list(response.header(ProtocolHeaders.PII_REDACTED)),
                list(response.header(ProtocolHeaders.SECURITY_INCIDENT)),
                number(response.header(ProtocolHeaders.COST_IDR)),
                number(response.header(ProtocolHeaders.LATENCY_MS)),
                text(body.path("model")),
                text(body.path("id")),
                usage.path("prompt_tokens").isIntegralNumber()
                        ? OptionalLong.of(usage.path("prompt_tokens").asLong())
                        : OptionalLong.empty(),
                usage.path("completion_tokens").isIntegralNumber()
                        ? OptionalLong.of(usage.path("completion_tokens").asLong())
                        : OptionalLong.empty(),
                reasons,
                text(body.path("error").path("code")));
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode(); // not JSON: nothing to read from it
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static List<String> list(Optional<String> header) {
        return header.filter(s -> !s.isBlank())
                .map(s -> Arrays.stream(s.split(",", -1))
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static OptionalDouble number(Optional<String> header) {
        try {
            return header.filter(s -> !s.isBlank())
                    .map(s -> OptionalDouble.of(Double.parseDouble(s)))
                    .orElse(OptionalDouble.empty());
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
