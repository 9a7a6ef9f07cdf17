package io.monago.atrium.internal;

import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AuthException;
import io.monago.atrium.errors.ErrorResponse;
import io.monago.atrium.errors.ModelNotAllowedException;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.errors.PolicyBlockedException;
import io.monago.atrium.errors.RateLimitException;
import io.monago.atrium.errors.SecurityBlockedException;
import java.util.Locale;

/**
 * Turns a gateway error response into the exception docs/protocol.md §4 names. This is the only place
 * that decides; it agrees with the Python SDK so both report the same thing for the same answer.
 *
 * <p>Internal: not part of the public API.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {}

    /**
     * Classifies a non-2xx response.
     *
     * @param response the response
     * @return the exception to throw
     */
    public static AtriumException classify(ErrorResponse response) {
        int status = response.statusCode();
        String message = response.message();
        if (status == 400 || status == 422 || status == 451) {
            AtriumException block = classifyBlock(response, message);
            if (block != null) {
                return block;
            }
        }
        if (status == 401 || status == 403) {
            return new AuthException(message, response);
        }
        if (status == 429) {
            return new RateLimitException(message, response);
        }
        if (status >= 500) {
            return new ApiException(message, response);
        }
        return new AtriumException(message, response);
    }

    /**
     * The exception for a successful status whose body could not be read as the expected JSON.
     *
     * @param response the response
     * @param cause what went wrong reading it, or null when the body is not JSON at all
     * @return the exception to throw
     */
    public static ApiException unreadable(ErrorResponse response, Throwable cause) {
        String why = cause == null ? "is not JSON" : "has an unexpected shape: " + cause.getMessage();
        return new ApiException("the " + response.statusCode() + " response body " + why, response, cause);
    }

    private static AtriumException classifyBlock(ErrorResponse response, String message) {
        String codeOrType = response.errorCode().or(response::errorType).orElse("");
        String reason = response.governance().blockReason().orElse("");
        String signal = codeOrType.toLowerCase(Locale.ROOT) + " " + reason.toLowerCase(Locale.ROOT);
        if (signal.contains("pii")) {
            return new PiiBlockedException(message, response);
        }
        if (signal.contains("security") || signal.contains("injection") || signal.contains("jailbreak")) {
            return new SecurityBlockedException(message, response);
        }
        if (signal.contains("model") && (signal.contains("allow") || signal.contains("denied"))) {
            return new ModelNotAllowedException(message, response);
        }
        if (response.governance().blocked() || signal.contains("policy")) {
            return new PolicyBlockedException(message, response);
        }
        return null;
    }
}
