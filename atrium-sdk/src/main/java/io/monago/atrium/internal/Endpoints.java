package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.audit.EvaluationReceipt;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.models.ModelList;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The gateway's endpoints (docs/protocol.md §1): path, method, body and parser of each.
 *
 * <p>Internal: not part of the public API.
 */
public final class Endpoints {

    private Endpoints() {}

    /**
     * {@code POST /chat/completions}.
     *
     * @param request the request
     * @return the call
     * @throws IllegalArgumentException when the request asks for a stream
     */
    public static ApiCall<ChatCompletion> createChatCompletion(ChatCompletionRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.stream()) {
            throw new IllegalArgumentException(
                    "stream=true asks for a stream, which create() does not return: call createStreaming()");
        }
        return new ApiCall<>("POST", "/chat/completions", request.toJson(), ChatCompletion::fromJson);
    }

    /**
     * {@code POST /chat/completions} with {@code stream: true}, whatever the request says about
     * streaming. The parser reads a whole completion, which a streamed answer never is; it is there
     * because every call has one.
     *
     * @param request the request
     * @return the call
     */
    public static ApiCall<ChatCompletion> streamChatCompletion(ChatCompletionRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = request.toJson();
        body.put("stream", true);
        return new ApiCall<>("POST", "/chat/completions", body, ChatCompletion::fromJson);
    }

    /**
     * {@code GET /models}.
     *
     * @return the call
     */
    public static ApiCall<ModelList> listModels() {
        return new ApiCall<>("GET", "/models", null, (body, governance) -> ModelList.fromJson(body));
    }

    /**
     * {@code GET /audit/{id}}.
     *
     * @param auditId the record's id
     * @return the call
     * @throws IllegalArgumentException when the id is blank
     */
    public static ApiCall<AuditRecord> retrieveAudit(String auditId) {
        if (auditId == null || auditId.isBlank()) {
            throw new IllegalArgumentException("auditId must not be blank");
        }
        String segment = URLEncoder.encode(auditId, StandardCharsets.UTF_8).replace("+", "%20");
        return new ApiCall<>("GET", "/audit/" + segment, null, (body, governance) -> AuditRecord.fromJson(body));
    }

    /**
     * {@code POST /audit/{id}/evaluations}; the scores travel in {@code X-Monago-Eval}.
     *
     * @param auditId the scored call's id
     * @return the call
     * @throws IllegalArgumentException when the id is blank
     */
    public static ApiCall<EvaluationReceipt> recordEvaluations(String auditId) {
        if (auditId == null || auditId.isBlank()) {
            throw new IllegalArgumentException("auditId must not be blank");
        }
        String segment = URLEncoder.encode(auditId, StandardCharsets.UTF_8).replace("+", "%20");
        return new ApiCall<>(
                "POST",
                "/audit/" + segment + "/evaluations",
                Json.object(),
                (body, governance) -> EvaluationReceipt.fromJson(body));
    }
}
