package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.exchange.Rejection;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Sends JSON answers of the endpoints that are not chat completions. */
final class JsonResponses {

    private JsonResponses() {}

    /** {@return when the answer is written; at once when the response was already ended or closed} */
    static Future<Void> send(HttpServerResponse response, int status, Buffer body) {
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        // The length is set here, not left to Vert.x, so an answer to HEAD carries the length the
        // same GET would have (Vert.x sends no body for HEAD, and no length unless told).
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()))
                .end(body);
    }

    /** {@return when the error is written} */
    static Future<Void> error(HttpServerResponse response, GovernanceRenderer renderer, Rejection r) {
        return send(response, r.code().status(), renderer.errorBody(r));
    }
}
