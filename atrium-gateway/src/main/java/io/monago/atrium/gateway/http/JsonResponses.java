package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.exchange.Rejection;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Sends JSON answers of the endpoints that are not chat completions. */
final class JsonResponses {

    private JsonResponses() {}

    static void send(HttpServerResponse response, int status, Buffer body) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }

    static void error(HttpServerResponse response, GovernanceRenderer renderer, Rejection r) {
        send(response, r.code().status(), renderer.errorBody(r));
    }
}
