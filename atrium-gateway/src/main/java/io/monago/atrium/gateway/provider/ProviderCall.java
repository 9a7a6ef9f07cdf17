package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What goes upstream.
 *
 * @param body the request body after governance's rewrites, with {@code model} set to the upstream
 *     name; providers forward it and must not change it further
 */
public record ProviderCall(ObjectNode body) {}
