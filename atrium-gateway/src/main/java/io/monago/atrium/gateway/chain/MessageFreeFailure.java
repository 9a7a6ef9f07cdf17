package io.monago.atrium.gateway.chain;

/**
 * A failure as it may be logged: its type and stack trace, without its message, which can quote
 * what the caller sent (a parser's message quotes the input). Causes are treated the same way.
 */
final class MessageFreeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private MessageFreeFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable t) {
        Throwable cause = t.getCause() == null || t.getCause() == t ? null : of(t.getCause());
        return new MessageFreeFailure(t, cause);
    }
}
