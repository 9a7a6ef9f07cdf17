package io.monago.atrium.errors;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Governance;
import io.monago.atrium.internal.Headers;
import io.monago.atrium.internal.Json;
import io.monago.atrium.internal.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP response behind an {@link AtriumException}: status, headers, body (as text, and as a
 * JSON tree when it is JSON), the parsed governance, and the protocol's error fields (docs/protocol.md
 * §4).
 *
 * <pre>{@code
 * catch (AtriumException e) {
 *     e.response().ifPresent(r -> System.out.println(r.statusCode() + " " + r.errorCode().orElse("-")));
 * }
 * }</pre>
 */
public final class ErrorResponse {

    /** The message used when the body carries none, as the Python SDK does. */
    public static final String DEFAULT_MESSAGE = "request failed";

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final String bodyText;
    private final JsonNode body;
    private final Governance governance;

    private ErrorResponse(int statusCode, Map<String, List<String>> headers, String bodyText, Governance governance) {
        this.statusCode = statusCode;
        this.headers = Headers.copyOf(headers);
        this.bodyText = bodyText;
        this.body = Json.parse(bodyText).orElse(null);
        this.governance = governance == null ? Governance.fromHeaders(this.headers) : governance;
    }

    /**
     * Builds the view of one response.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers (names matched without regard to case)
     * @param bodyText the body decoded as UTF-8; {@code ""} when empty
     * @return the response
     */
    public static ErrorResponse of(int statusCode, Map<String, List<String>> headers, String bodyText) {
        return new ErrorResponse(
                statusCode,
                Objects.requireNonNull(headers, "headers"),
                Objects.requireNonNull(bodyText, "bodyText"),
                null);
    }

    /**
     * Builds the view of an answer whose governance is not only in its headers: a stream that failed
     * after it began, whose governance is the headers' with the governance objects the stream
     * carried merged over them (docs/protocol.md §5).
     *
     * <pre>{@code
     * ErrorResponse r = ErrorResponse.of(502, headers, errorEventData, headerGovernance.mergedWith(last));
     * }</pre>
     *
     * @param statusCode the HTTP status the failure stands for
     * @param headers the response headers (names matched without regard to case)
     * @param bodyText what the server sent about the failure, e.g. an error event's data; {@code ""}
     *     for nothing
     * @param governance the governance known when the call failed
     * @return the response
     */
    public static ErrorResponse of(
            int statusCode, Map<String, List<String>> headers, String bodyText, Governance governance) {
        return new ErrorResponse(
                statusCode,
                Objects.requireNonNull(headers, "headers"),
                Objects.requireNonNull(bodyText, "bodyText"),
                Objects.requireNonNull(governance, "governance"));
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * All response headers.
     *
     * @return an unmodifiable, case-insensitive map
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The value of one header. Repeated lines of it are joined with {@code ", "}, as RFC 9110 §5.3
     * says, so a list sent over several lines reads as one list.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        return Headers.value(headers, name);
    }

    /**
     * The body as text, whatever its format.
     *
     * @return the text; {@code ""} for an empty body
     */
    public String bodyText() {
        return bodyText;
    }

    /**
     * The body as a JSON tree.
     *
     * @return a copy of the tree, or empty when the body is not JSON
     */
    public Optional<JsonNode> body() {
        return Optional.ofNullable(body).map(JsonNode::deepCopy);
    }

    /**
     * The governance of the failed call: parsed from the response's headers, with, for a stream,
     * the governance objects it carried merged over them.
     *
     * @return the governance; {@link Governance#empty()} when the headers are absent
     */
    public Governance governance() {
        return governance;
    }

    /**
     * The protocol error code: {@code error.code} when the body has an {@code error} object (and
     * then only from it), else a top-level {@code code}.
     *
     * @return the code, e.g. {@code pii_blocked}, or empty
     */
    public Optional<String> errorCode() {
        return errorField("code");
    }

    /**
     * The protocol error type: {@code error.type} when the body has an {@code error} object (and
     * then only from it), else a top-level {@code type}.
     *
     * @return the type, e.g. {@code invalid_request_error}, or empty
     */
    public Optional<String> errorType() {
        return errorField("type");
    }

    /**
     * The human message: {@code error.message}, else a top-level {@code message}, else
     * {@value #DEFAULT_MESSAGE}.
     *
     * @return the message, never empty
     */
    public String message() {
        if (body == null || !body.isObject()) {
            return DEFAULT_MESSAGE;
        }
        return JsonFields.object(body, "error")
                .flatMap(error -> nonEmpty(error, "message"))
                .or(() -> nonEmpty(body, "message"))
                .orElse(DEFAULT_MESSAGE);
    }

    private Optional<String> errorField(String name) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        // An error object is the protocol's shape (§4); the top level is read only for bodies
        // without one, so a stray top-level field never overrides or fills in for it.
        Optional<JsonNode> error = JsonFields.object(body, "error");
        return error.isPresent() ? nonEmpty(error.get(), name) : nonEmpty(body, name);
    }

    private static Optional<String> nonEmpty(JsonNode node, String name) {
        return JsonFields.string(node, name).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        // The body may echo user input; it stays out of toString so logs do not carry it.
        return "ErrorResponse{status=" + statusCode + ", code=" + errorCode().orElse(null) + ", auditId="
                + governance.auditId().orElse(null) + "}";
    }
}
