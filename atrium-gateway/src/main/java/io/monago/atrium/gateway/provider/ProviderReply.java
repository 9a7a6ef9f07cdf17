package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.Usage;
import java.util.Optional;

/**
 * What came back.
 *
 * @param body the {@code chat.completion} object as the provider sent it
 * @param usage the usage the provider reported, if it did
 */
public record ProviderReply(ObjectNode body, Optional<Usage> usage) {}
