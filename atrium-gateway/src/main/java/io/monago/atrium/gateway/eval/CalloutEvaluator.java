package io.monago.atrium.gateway.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalDouble;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A custom evaluator behind a webhook: posts the call's text, with every PII value replaced (see
 * {@link CalloutText}), as JSON, signed with HMAC-SHA256 in {@value #SIGNATURE_HEADER}
 * ({@code sha256=<hex>} over the exact body bytes), and reads {@code {"score": 0.0-1.0}} back. Any
 * other status, body or a timeout is an error; {@code on_error} decides what an error means.
 *
 * <p>Request body: {@code {"evaluator", "stage", "audit_id", "workspace", "model", "text"}}.
 */
public final class CalloutEvaluator implements Evaluator {
    /** The signature header. */
    public static final String SIGNATURE_HEADER = "X-Atrium-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HMAC = "HmacSHA256";

    private final String name;
    private final URI url;
    private final SecretKeySpec key;
    private final Duration timeout;
    private final HttpClient http;
    private final CalloutText redactor;

    /**
     * Creates the evaluator.
     *
     * @param name its configured name, sent in the body
     * @param url where to post
     * @param secret the HMAC key
     * @param timeout how long to wait for the whole answer
     * @param http the shared HTTP client
     * @param redactor replaces PII values in the text before it leaves
     */
    public CalloutEvaluator(
            String name, URI url, String secret, Duration timeout, HttpClient http, CalloutText redactor) {
        this.name = name;
        this.url = url;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.timeout = timeout;
        this.http = http;
        this.redactor = redactor;
    }

    @Override
    public Future<OptionalDouble> evaluate(EvalInput input) {
        ObjectNode body = JSON.createObjectNode();
        body.put("evaluator", name);
        body.put("stage", input.stage().wire());
        body.put("audit_id", input.auditId());
        body.put("workspace", input.workspace());
        input.model().ifPresentOrElse(m -> body.put("model", m), () -> body.putNull("model"));
        body.put("text", redactor.redact(input.text()));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Future.failedFuture(new IllegalStateException("callout body could not be written"));
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        Context context = Vertx.currentContext();
        Promise<OptionalDouble> promise = Promise.promise();
        var unused = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((response, failure) -> {
                    Runnable complete = () -> {
                        if (failure != null) {
                            promise.fail(new CalloutException("callout " + name + " failed: "
                                    + failure.getClass().getSimpleName()));
                        } else {
                            settle(response, promise);
                        }
                    };
                    if (context != null) {
                        context.runOnContext(ignored -> complete.run());
                    } else {
                        complete.run();
                    }
                });
        return promise.future();
    }

    private void settle(HttpResponse<byte[]> response, Promise<OptionalDouble> promise) {
        if (response.statusCode() / 100 != 2) {
            promise.fail(new CalloutException("callout " + name + " answered status " + response.statusCode()));
            return;
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode score = answer == null ? null : answer.get("score");
            if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
                promise.fail(new CalloutException("callout " + name + " answered no score between 0 and 1"));
                return;
            }
            promise.complete(OptionalDouble.of(score.asDouble()));
        } catch (java.io.IOException e) {
            promise.fail(new CalloutException("callout " + name + " answered a body that is not JSON"));
        }
    }

    /**
     * The hex HMAC-SHA256 of a body under this evaluator's key.
     *
     * @param body the exact bytes sent
     * @return lower-case hex
     */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CalloutEvaluator[" + name + "]";
    }

    /** A callout that did not give a score; its message names the evaluator, never the text. */
    static final class CalloutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CalloutException(String message) {
            super(message, null, false, false);
        }
    }
}
