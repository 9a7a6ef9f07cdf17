package io.monago.atrium.guard.security.lexicon;

/** A lexicon file that cannot be parsed; the message names the file, the line and what is wrong. */
public final class LexiconFormatException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LexiconFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
    }
}
