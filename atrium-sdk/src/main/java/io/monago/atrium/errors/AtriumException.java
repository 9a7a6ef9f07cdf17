package io.monago.atrium.errors;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Governance;
import io.monago.atrium.protocol.PolicyDecision;
import java.util.Optional;

/**
 * Root of every exception the SDK throws. Unchecked.
 *
 * <p>When the gateway answered, the exception carries the whole answer: status, governance (audit
 * id, block reason, decision...), body and error code. When it did not (a network failure, a
 * timeout, a missing API key) {@link #response()} is empty and {@link #statusCode()} is 0.
 *
 * <pre>{@code
 * try {
 *     client.chat().completions().create(request);
 * } catch (PolicyBlockedException e) {
 *     log.warn("blocked: {} (audit {})", e.blockReason().orElse("?"), e.auditId().orElse("?"));
 * } catch (AtriumException e) {
 *     log.error("call failed with status {}", e.statusCode(), e);
 * }
 * }</pre>
 *
 * <p>The class is thrown as itself for answers that fit no subclass: a 400 that is not a policy
 * block, a 404, a 413 (docs/protocol.md §4).
 */
public class AtriumException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorResponse response;

    /**
     * Creates an exception.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     * @param cause the underlying failure, or null
     */
    public AtriumException(String message, ErrorResponse response, Throwable cause) {
        super(message, cause);
        this.response = response;
    }

    /**
     * Creates an exception for a gateway answer.
     *
     * @param message the message
     * @param response the gateway's answer, or null when there was none
     */
    public AtriumException(String message, ErrorResponse response) {
        this(message, response, null);
    }

    /**
     * The gateway's answer that caused this exception.
     *
     * @return the response, or empty when none was received
     */
    public Optional<ErrorResponse> response() {
        return Optional.ofNullable(response);
    }

    /**
     * The HTTP status code.
     *
     * @return the status, or 0 when no response was received
     */
    public int statusCode() {
        return response == null ? 0 : response.statusCode();
    }

    /**
     * The whole governance of the failed call.
     *
     * @return the governance; {@link Governance#empty()} when no response was received
     */
    public Governance governance() {
        return response == null ? Governance.empty() : response.governance();
    }

    /**
     * The audit id of the failed call; blocked calls are audited too.
     *
     * @return the id, or empty
     */
    public Optional<String> auditId() {
        return governance().auditId();
    }

    /**
     * Why policy blocked the call.
     *
     * @return the reason, or empty
     */
    public Optional<String> blockReason() {
        return governance().blockReason();
    }

    /**
     * The decision the gateway reported ({@code X-Monago-Policy-Decision}), as an enum.
     *
     * @return the decision, or empty when none was reported or it is not a protocol word
     */
    public Optional<PolicyDecision> decision() {
        return governance().decision();
    }

    /**
     * The decision word the gateway reported, as sent.
     *
     * @return e.g. {@code blocked} or {@code rejected}, or empty
     */
    public Optional<String> decisionWord() {
        return governance().decisionWord();
    }

    /**
     * The protocol error code, e.g. {@code pii_blocked}.
     *
     * @return the code, or empty
     */
    public Optional<String> errorCode() {
        return response().flatMap(ErrorResponse::errorCode);
    }

    /**
     * The protocol error type, e.g. {@code invalid_request_error}.
     *
     * @return the type, or empty
     */
    public Optional<String> errorType() {
        return response().flatMap(ErrorResponse::errorType);
    }

    /**
     * The response body as a JSON tree.
     *
     * @return a copy of the body, or empty when there was none or it was not JSON
     */
    public Optional<JsonNode> responseBody() {
        return response().flatMap(ErrorResponse::body);
    }

    /**
     * The response body as text, whatever its format.
     *
     * @return the text, or empty when no response was received
     */
    public Optional<String> responseBodyText() {
        return response().map(ErrorResponse::bodyText);
    }
}
