package io.monago.atrium.guard.redact;

/**
 * Restores placeholders in an answer that arrives in chunks. A placeholder split across chunks
 * ({@code "... [NI"} then {@code "K_1] ..."}) is held back until it is complete, so it is restored
 * like any other; text that cannot be part of a placeholder is passed on at once.
 *
 * <pre>{@code
 * StreamingRestorer r = session.streamingRestorer();
 * for (String chunk : chunks) send(r.accept(chunk));
 * send(r.finish());
 * }</pre>
 *
 * <p>Not thread-safe: one restorer per stream, fed in order.
 */
public final class StreamingRestorer {
    private final RedactionSession session;
    private final StringBuilder pending = new StringBuilder();

    StreamingRestorer(RedactionSession session) {
        this.session = session;
    }

    /**
     * Takes the next chunk.
     *
     * @param chunk the next piece of the answer
     * @return what can be sent now, restored; possibly empty
     */
    public String accept(CharSequence chunk) {
        pending.append(chunk);
        int hold = holdFrom();
        String ready = pending.substring(0, hold);
        pending.delete(0, hold);
        return session.restore(ready);
    }

    /**
     * Ends the stream.
     *
     * @return whatever was held back, restored
     */
    public String finish() {
        String rest = pending.toString();
        pending.setLength(0);
        return session.restore(rest);
    }

    /** Index of a trailing {@code [} that may open a placeholder still arriving, else the length. */
    private int holdFrom() {
        int length = pending.length();
        int open = pending.lastIndexOf("[");
        if (open < 0 || length - open >= session.longestPlaceholder()) {
            return length;
        }
        for (int i = open + 1; i < length; i++) {
            char c = pending.charAt(i);
            boolean placeholderChar = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!placeholderChar) {
                return length;
            }
        }
        return open;
    }
}
