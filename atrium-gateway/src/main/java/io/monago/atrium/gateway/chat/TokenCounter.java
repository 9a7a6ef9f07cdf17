package io.monago.atrium.gateway.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;

/**
 * Counts tokens the way OpenAI's current models do ({@code o200k_base}), for providers that report
 * no usage. Message framing follows OpenAI's published accounting: 3 tokens per message plus 3 to
 * prime the reply. Thread-safe.
 *
 * <p>Its cost is bounded and linear whatever the input. Exact byte-pair encoding costs more than
 * linear time on a long run without spaces (one character repeated for megabytes took seconds), so
 * a run is counted in pieces of at most {@value #MAX_RUN} characters; and only the first
 * {@value #EXACT_CHARS} characters of a call are encoded exactly, the rest estimated at one token
 * per four UTF-8 bytes, which is at or above the exact count for ordinary text in English and
 * Indonesian, so the estimate never bills less than a careful count would.
 */
public final class TokenCounter {

    /** The longest run without whitespace that is encoded in one piece. */
    static final int MAX_RUN = 256;
    /** Characters of one call counted exactly; the rest is estimated. */
    static final int EXACT_CHARS = 16 * 1024;

    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;
    private static final int BYTES_PER_ESTIMATED_TOKEN = 4;
    private final Encoding encoding;

    /** Loads the encoding (a few milliseconds, once per gateway). */
    public TokenCounter() {
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /**
     * Counts a text.
     *
     * @param text any text; special-token spellings count as ordinary text
     * @return its token count (exact for its first {@value #EXACT_CHARS} characters)
     */
    public long count(String text) {
        return new Tally().add(text).tokens;
    }

    /**
     * Counts the input of a request: every text the model reads, plus the message framing.
     *
     * @param body a validated chat-completions body, as it goes upstream
     * @return the prompt token count (exact for its first {@value #EXACT_CHARS} characters)
     */
    public long countPrompt(ObjectNode body) {
        Tally tally = new Tally();
        tally.tokens = (long) PER_MESSAGE * body.path("messages").size() + REPLY_PRIMING;
        for (TextSlot t : ConversationTexts.of(body)) {
            tally.add(t.segment().text());
        }
        return tally.tokens;
    }

    /** A count in progress, with what is left of the exact budget. */
    private final class Tally {
        long tokens;
        int exactLeft = EXACT_CHARS;

        Tally add(String text) {
            int exactEnd = Math.min(text.length(), exactLeft);
            if (exactEnd < text.length() && exactEnd > 0 && Character.isHighSurrogate(text.charAt(exactEnd - 1))) {
                exactEnd--; // never split a surrogate pair
            }
            exactLeft -= exactEnd;
            tokens += exact(text, 0, exactEnd);
            if (exactEnd < text.length()) {
                long bytes = text.substring(exactEnd).getBytes(StandardCharsets.UTF_8).length;
                tokens += (bytes + BYTES_PER_ESTIMATED_TOKEN - 1) / BYTES_PER_ESTIMATED_TOKEN;
            }
            return this;
        }

        /** Encodes {@code text[from, to)} in pieces that end before whitespace or at {@value #MAX_RUN} characters of a run. */
        private long exact(String text, int from, int to) {
            long n = 0;
            int pieceStart = from;
            int runStart = from;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    runStart = i + 1;
                } else if (i - runStart >= MAX_RUN && !Character.isLowSurrogate(c)) {
                    n += encoding.countTokensOrdinary(text.substring(pieceStart, i));
                    pieceStart = i;
                    runStart = i;
                }
            }
            if (pieceStart < to) {
                n += encoding.countTokensOrdinary(text.substring(pieceStart, to));
            }
            return n;
        }
    }
}
