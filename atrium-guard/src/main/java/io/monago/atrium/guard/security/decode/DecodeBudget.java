package io.monago.atrium.guard.security.decode;

/**
 * What one analysis may still decode: bytes and payloads, over every segment and depth. Created per
 * call and confined to the thread doing the analysis (not thread-safe).
 *
 * <pre>{@code
 * DecodeBudget budget = new DecodeBudget(65_536, 32);
 * decoder.decode(text, budget);
 * budget.bytesDecoded();
 * }</pre>
 */
public final class DecodeBudget {
    private long remainingBytes;
    private int remainingPayloads;
    private long bytesDecoded;
    private int payloadsDecoded;

    /**
     * Creates a budget.
     *
     * @param maxBytes bytes that may be decoded in total
     * @param maxPayloads encoded runs that may be decoded in total
     */
    public DecodeBudget(long maxBytes, int maxPayloads) {
        this.remainingBytes = maxBytes;
        this.remainingPayloads = maxPayloads;
    }

    /**
     * Reserves one payload and up to {@code wanted} bytes.
     *
     * @param wanted bytes the caller would like to decode
     * @return bytes granted (0 when the budget is spent)
     */
    int reserve(int wanted) {
        if (remainingPayloads <= 0 || remainingBytes <= 0) {
            return 0;
        }
        int granted = (int) Math.min(wanted, remainingBytes);
        remainingPayloads--;
        payloadsDecoded++;
        return granted;
    }

    /**
     * Records bytes actually produced.
     *
     * @param bytes how many
     */
    void spend(int bytes) {
        remainingBytes -= bytes;
        bytesDecoded += bytes;
    }

    /**
     * Whether anything may still be decoded.
     *
     * @return true while bytes and payloads remain
     */
    public boolean exhausted() {
        return remainingPayloads <= 0 || remainingBytes <= 0;
    }

    /**
     * Bytes decoded so far.
     *
     * @return the total
     */
    public long bytesDecoded() {
        return bytesDecoded;
    }

    /**
     * Payloads decoded so far.
     *
     * @return the total
     */
    public int payloadsDecoded() {
        return payloadsDecoded;
    }
}
