package io.monago.atrium.guard.security;

/**
 * How much work an analysis did. Decoding is bounded by {@link DecodeLimits}; these counters show
 * that the bound held (tests assert on them, an audit record may store them).
 *
 * @param segmentsAnalysed segments scanned (trusted roles are skipped and not counted)
 * @param charsAnalysed characters of segment text scanned, decoded payloads excluded
 * @param payloadsDecoded encoded candidates that were decoded and rescanned
 * @param bytesDecoded bytes produced by all decoding, at every depth
 * @param maxDepthReached the deepest decode-and-rescan level reached (0: nothing decoded)
 */
public record ScanStats(
        int segmentsAnalysed, long charsAnalysed, int payloadsDecoded, long bytesDecoded, int maxDepthReached) {}
