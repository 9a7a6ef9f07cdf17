package io.monago.atrium.gateway.exchange;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * An answer as it went out on the wire: status, headers (the governance headers included) and
 * body. Kept for an idempotent replay, which sends exactly these bytes again.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body
 */
public record HttpReply(int status, MultiMap headers, Buffer body) {}
