package io.monago.atrium.guard.redact;

import io.monago.atrium.guard.pii.PiiSummary;

/**
 * Redacts the personal data in an answer that arrives in pieces, before any of it is sent: no
 * character leaves unread, yet only what could still become a finding is held back. A piece is
 * released up to the last point no entity can span: after the trailing run of characters an
 * entity is made of (letters, digits, {@code @ . - _ + / : = # ( )}, and spaces between digit
 * groups, as in {@code 0812 3456 7890}), and before an unfinished {@code -----BEGIN} block. What
 * is released is scanned with the end of the text already sent as context, so {@code NIK} in one
 * piece still makes the number in the next one certain. The hold-back is bounded: a run longer
 * than {@value #MAX_RUN} characters is released but for its last {@value #KEEP} characters, which
 * is longer than any entity but a private key; a private key is held up to {@value #MAX_BLOCK}.
 *
 * <pre>{@code
 * StreamingRedactor r = StreamingRedactor.of(redactor, session);
 * for (String piece : pieces) send(r.accept(piece).text());
 * send(r.finish().text());
 * PiiSummary found = r.summary();
 * }</pre>
 *
 * <p>Not thread-safe: one redactor per stream of text, fed in order.
 */
public final class StreamingRedactor {

    /** A run of entity characters held back at most this long before its head is released. */
    static final int MAX_RUN = 1_024;
    /** What stays held of a run that grew past {@link #MAX_RUN}. */
    static final int KEEP = 256;
    /** An unfinished {@code -----BEGIN} block is held at most this long. */
    static final int MAX_BLOCK = 16 * 1_024;
    /** How much of the text already sent is read again as context. */
    static final int CONTEXT = 64;

    private static final String BLOCK_START = "-----BEGIN";
    private static final String BLOCK_END = "-----END";

    private final PiiRedactor redactor;
    private final RedactionSession session;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder sentTail = new StringBuilder();
    private PiiSummary summary = PiiSummary.empty();

    private StreamingRedactor(PiiRedactor redactor, RedactionSession session) {
        this.redactor = redactor;
        this.session = session;
    }

    /**
     * Creates a redactor for one stream of text.
     *
     * @param redactor scans and applies the policy
     * @param session the request's session, so placeholders stay the same across the answer
     * @return the redactor
     */
    public static StreamingRedactor of(PiiRedactor redactor, RedactionSession session) {
        return new StreamingRedactor(redactor, session);
    }

    /**
     * Takes the next piece of the answer.
     *
     * @param piece the next piece, as the upstream sent it
     * @return what can be sent now, redacted; its text may be empty
     */
    public PiiRedactor.RedactedText accept(CharSequence piece) {
        pending.append(piece);
        return release(safeEnd());
    }

    /**
     * Ends the stream: whatever was held is scanned and released.
     *
     * @return the rest, redacted
     */
    public PiiRedactor.RedactedText finish() {
        return release(pending.length());
    }

    /** {@return what was found in everything released so far} */
    public PiiSummary summary() {
        return summary;
    }

    /** {@return how many characters are held back now} */
    public int held() {
        return pending.length();
    }

    private PiiRedactor.RedactedText release(int end) {
        String ready = pending.substring(0, end);
        pending.delete(0, end);
        PiiRedactor.RedactedText out = redactor.redactOutput(sentTail, ready, session);
        summary = summary.plus(out.summary());
        sentTail.append(ready);
        if (sentTail.length() > CONTEXT) {
            sentTail.delete(0, sentTail.length() - CONTEXT);
        }
        return out;
    }

    /** Where the text that could still become part of a finding starts. */
    private int safeEnd() {
        int length = pending.length();
        int block = pending.lastIndexOf(BLOCK_START);
        if (block >= 0 && pending.indexOf(BLOCK_END, block) < 0) {
            return length - block <= MAX_BLOCK ? block : length - KEEP;
        }
        int start = length;
        while (start > 0 && partOfEntity(start - 1)) {
            start--;
        }
        if (length - start > MAX_RUN) {
            return length - KEEP;
        }
        return start;
    }

    /** Whether the character at {@code i} may belong to an entity still being written. */
    private boolean partOfEntity(int i) {
        char c = pending.charAt(i);
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        return switch (c) {
            case '@', '.', '-', '_', '+', '/', ':', '=', '#', '(', ')' -> true;
            // A space between digit groups may sit inside a phone or card number.
            case ' ' -> i > 0 && isDigitOrCloser(pending.charAt(i - 1));
            default -> false;
        };
    }

    private static boolean isDigitOrCloser(char c) {
        return (c >= '0' && c <= '9') || c == ')' || c == '+';
    }
}
