package io.monago.atrium.internal;

import io.monago.atrium.audit.AuditRecord;
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
            throw new IllegalArgumentException("stream=true is not supported by create(): this SDK version "
                    + "returns whole completions; leave stream unset");
        }
        return new ApiCall<>("POST", "/chat/completions", request.toJson(), ChatCompletion::fromJson);
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
}
