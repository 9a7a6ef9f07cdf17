package io.monago.atrium.gateway.idempotency;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * An answer kept for replay: status, headers (governance headers included, so the replay names the
 * same audit record) and body.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the response body
 */
public record StoredReply(int status, MultiMap headers, Buffer body) {}
