package io.monago.atrium.guard.security.decode;

/**
 * Text recovered from an encoded run, to be scanned again.
 *
 * @param encoding how it was encoded
 * @param text the decoded text
 */
public record DecodedPayload(Encoding encoding, String text) {}
