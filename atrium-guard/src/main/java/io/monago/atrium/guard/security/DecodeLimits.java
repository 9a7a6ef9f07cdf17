package io.monago.atrium.guard.security;

/**
 * Bounds on decode-and-rescan, so that an encoded payload cannot make analysis expensive: a
 * megabyte of base64 costs at most {@code maxBytesPerPayload} of decoding, and nesting stops at
 * {@code maxDepth}.
 *
 * <pre>{@code
 * SecurityAnalyzer.builder().decodeLimits(new DecodeLimits(2, 4096, 32_768, 16)).build();
 * }</pre>
 *
 * @param maxDepth how many times a decoded payload may itself be decoded again (1: decode once)
 * @param maxBytesPerPayload the most bytes decoded from one encoded run; longer runs are decoded
 *     from their start only
 * @param maxTotalBytes the most bytes decoded per {@code analyze} call, all depths together
 * @param maxPayloads the most encoded runs decoded per {@code analyze} call
 */
public record DecodeLimits(int maxDepth, int maxBytesPerPayload, long maxTotalBytes, int maxPayloads) {

    /** Depth 3, 4 KiB per payload, 64 KiB and 32 payloads per call. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(3, 4096, 65_536, 32);

    /**
     * Validates the bounds.
     *
     * @param maxDepth see the record description
     * @param maxBytesPerPayload see the record description
     * @param maxTotalBytes see the record description
     * @param maxPayloads see the record description
     */
    public DecodeLimits {
        if (maxDepth < 0 || maxBytesPerPayload < 0 || maxTotalBytes < 0 || maxPayloads < 0) {
            throw new IllegalArgumentException("decode limits must not be negative: " + maxDepth + ", "
                    + maxBytesPerPayload + ", " + maxTotalBytes + ", " + maxPayloads);
        }
    }
}
