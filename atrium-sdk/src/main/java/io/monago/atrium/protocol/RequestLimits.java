package io.monago.atrium.protocol;

/**
 * Limits on request tagging (docs/protocol.md §2), enforced by the SDK before sending and by the gateway
 * on receipt.
 */
public final class RequestLimits {

    /** Longest {@code user} value, in characters. */
    public static final int USER_MAX_CHARS = 256;
    /** Most keys in {@code metadata}. */
    public static final int METADATA_MAX_KEYS = 16;
    /** Longest {@code metadata} key, in characters. */
    public static final int METADATA_KEY_MAX_CHARS = 64;
    /** Longest {@code metadata} value, in characters. */
    public static final int METADATA_VALUE_MAX_CHARS = 512;
    /** Largest {@link ProtocolHeaders#METADATA} header, in UTF-8 bytes. */
    public static final int METADATA_HEADER_MAX_BYTES = 4096;
    /** Longest {@link ProtocolHeaders#IDEMPOTENCY_KEY} value, in characters. */
    public static final int IDEMPOTENCY_KEY_MAX_CHARS = 255;
    /** The conventional metadata key for a session id. */
    public static final String SESSION_ID_KEY = "session_id";

    private RequestLimits() {}
}
