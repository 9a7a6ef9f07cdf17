package io.monago.atrium.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of search results ended: an opaque token for the caller, the store's position of
 * the page's last record inside. Pages continue from a position rather than an offset, so records
 * written meanwhile neither repeat nor shift the next page.
 *
 * @param position the store's position of the last record returned
 */
public record AuditCursor(long position) {

    private static final String PREFIX = "c1.";

    /** {@return the token sent to the caller} */
    public String token() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a token.
     *
     * @param token as sent by the caller
     * @return the cursor, or empty when the token is not one of ours
     */
    public static Optional<AuditCursor> parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            long p = Long.parseLong(text.substring(PREFIX.length()));
            return p > 0 ? Optional.of(new AuditCursor(p)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
