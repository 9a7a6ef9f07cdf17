package io.monago.atrium.gateway.exchange;

/**
 * How a streamed answer ended, for its audit record.
 *
 * @param completed whether the stream ran to its end
 * @param endedBy {@code "provider"} when it ran to its end or the provider broke it off,
 *     {@code "client"} when the caller went away, {@code "gateway"} when a check failed and the
 *     gateway ended it rather than pass unchecked text
 * @param chunksDelivered how many chunks were handed to the caller
 */
public record StreamOutcome(boolean completed, String endedBy, long chunksDelivered) {}
