package io.monago.atrium.guard.redact;

import io.monago.atrium.guard.pii.PiiSummary;
import io.monago.atrium.guard.pii.PiiVerdict;
import io.monago.atrium.guard.pii.entity.PiiFinding;
import io.monago.atrium.guard.pii.names.NameWords;
import io.monago.atrium.guard.pii.text.DigitWords;
import io.monago.atrium.guard.pii.text.FoldedText;
import io.monago.atrium.guard.pii.text.WordKey;
import java.util.List;

/**
 * Redacts the personal data in an answer that arrives in pieces, before any of it is sent, so that
 * what is sent, joined, is what redacting the whole answer at once gives, wherever the pieces are
 * cut. On contrived text, where what arrives later changes which candidate the scanner prefers, it
 * may hide more than the whole answer would (a value as two placeholders side by side, a number the
 * whole answer reads as something else), never less: {@code StreamingRedactorFuzzTest} checks that
 * on any text and cuts. Only what could still become a finding, or change one, is held back; the
 * rest goes out at once:
 *
 * <ul>
 *   <li>the last word, and the trailing run of characters an entity is made of (letters, digits,
 *       {@code @ . - _ + / : = # ( )}, and spaces between digit groups, as in {@code 0812 3456
 *       7890});
 *   <li>words joined by a spelled-out {@code at} or {@code dot} ({@code budi [at] gmail[dot] com}),
 *       or by an {@code @} with a space beside it, and up to {@value #MAX_LOCAL} characters before an
 *       {@code @}, or a bracket opening what is or may become {@code at} or {@code dot}, that came
 *       within the last {@value #LOOKAHEAD}: the local part must not go out before the {@code [at]}
 *       that makes it one;
 *   <li>a number that is no finding yet, until {@value #LOOKAHEAD} characters or the end of its
 *       sentence follow it: a context word after it ({@code 3201... adalah NIK saya}) may still make
 *       it one;
 *   <li>an unfinished {@code -----BEGIN} block;
 *   <li>a trailing run of capitalised words, numbers and the small words of names and addresses,
 *       up to {@value #NAME_HOLD} characters: a name or address may go on in the next piece;
 *   <li>and never half of a finding.
 * </ul>
 *
 * <p>What is released is scanned with the {@value #CONTEXT} characters already sent as context, so
 * {@code NIK} in one piece still makes the number in the next one certain. The hold-back is
 * bounded: a run longer than {@value #MAX_RUN} characters is released but for its last {@value
 * #KEEP} characters, which is longer than any entity but a private key; nothing is held longer than
 * {@value #MAX_BLOCK} characters (a private key block). A finding cut by one of these bounds is
 * redacted on both sides of the cut, as two.
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
    /** Nothing, an unfinished {@code -----BEGIN} block included, is held longer than this. */
    static final int MAX_BLOCK = 16 * 1_024;
    /** A trailing run of words that may be a name or an address is held at most this long. */
    static final int NAME_HOLD = 160;
    /** Small words found inside a name or an address, not only before one. */
    private static final int INSIDE_NAME_OR_ADDRESS = NameWords.PARTICLE
            | NameWords.NUMBER
            | NameWords.RT_RW
            | NameWords.STREET
            | NameWords.REGION
            | NameWords.UNIT
            | NameWords.POSTAL
            | NameWords.SUFFIX;
    /**
     * How long a number that is no finding yet is held, unless its sentence ends: the scanner reads
     * a context word up to 32 characters after a value, and a word is up to 16 more.
     */
    static final int LOOKAHEAD = 48;
    /** The longest local part of an e-mail address the scanner reads back from its {@code @}. */
    static final int MAX_LOCAL = 64;
    /** How much of the text already sent is read again as context. */
    static final int CONTEXT = 256;

    private static final String BLOCK_START = "-----BEGIN";
    private static final String BLOCK_END = "-----END";
    private static final String DASHES = "-----";
    /** The bracketed spellings that join the parts of an e-mail address, glued to a word or not. */
    private static final List<String> ADDRESS_MARKERS =
            List.of("[at]", "(at)", "{at}", "<at>", "[dot]", "(dot)", "{dot}", "<dot>");

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
        int limit = safeEnd();
        if (limit <= 0) {
            return new PiiRedactor.RedactedText("", PiiVerdict.NONE);
        }
        return release(limit, false);
    }

    /**
     * Ends the stream: whatever was held is scanned and released.
     *
     * @return the rest, redacted
     */
    public PiiRedactor.RedactedText finish() {
        return release(pending.length(), true);
    }

    /** {@return what was found in everything released so far} */
    public PiiSummary summary() {
        return summary;
    }

    /** {@return how many characters are held back now} */
    public int held() {
        return pending.length();
    }

    /**
     * Releases what is held up to {@code limit}, or, unless this is the end, up to what the scanner
     * says is not settled yet.
     */
    private PiiRedactor.RedactedText release(int limit, boolean finishing) {
        int offset = sentTail.length();
        List<PiiFinding> found = redactor.scan(sentTail.toString() + pending);
        int end = limit;
        if (!finishing) {
            int settled = settledEnd(found, offset, limit);
            if (settled < limit) {
                end = Math.max(0, runStart(settled)); // moved back: not into a value either
            }
            if (pending.length() - end > MAX_BLOCK) {
                end = pending.length() - KEEP;
            }
        }
        String ready = pending.substring(0, end);
        pending.delete(0, end);
        PiiRedactor.RedactedText out = redactor.redactPiece(ready, PiiRedactor.findingsOf(found, offset, end), session);
        summary = summary.plus(out.summary());
        sentTail.append(ready);
        if (sentTail.length() > CONTEXT) {
            sentTail.delete(0, sentTail.length() - CONTEXT);
            // Read from a word's start: the end of a cut word ("tek|nik") would read as a context word.
            int wordEnd = 0;
            while (wordEnd < sentTail.length() && Character.isLetterOrDigit(sentTail.charAt(wordEnd))) {
                wordEnd++;
            }
            sentTail.delete(0, wordEnd);
        }
        return out;
    }

    /**
     * {@code limit}, or earlier: before a finding across it (one at most, as findings do not
     * overlap), and before a number no finding covers that a context word after it could still make
     * one. A finding that began in the text already sent is not waited for: its start has gone, and
     * waiting would hold everything after it; its part on each side of {@code limit} is redacted.
     */
    private int settledEnd(List<PiiFinding> found, int offset, int limit) {
        int end = limit;
        for (PiiFinding f : found) {
            if (f.start() < offset + end && f.end() > offset + end && f.start() >= offset) {
                end = f.start() - offset;
            }
        }
        int length = pending.length();
        for (int i = Math.max(0, length - LOOKAHEAD - 1); i < length; i++) {
            if (!digitAt(i) || (i + 1 < length && digitAt(i + 1))) {
                continue;
            }
            // i ends a number: is it open to context after it?
            if (i < end && !endsSentence(i + 1) && !covered(found, offset + i) && !inPlaceholder(i)) {
                end = Math.min(end, runStart(i));
            }
        }
        return end;
    }

    /** Whether the character at {@code i} reads as a digit ({@code 3}, {@code ３}, {@code ③}). */
    private boolean digitAt(int i) {
        return Character.isDigit(FoldedText.foldBmp(pending.charAt(i)));
    }

    /** Whether the number ending at {@code last} is the count of a placeholder, {@code [NIK_1]}. */
    private boolean inPlaceholder(int last) {
        if (last + 1 >= pending.length() || pending.charAt(last + 1) != ']') {
            return false;
        }
        int i = last;
        while (i >= 0 && Character.isDigit(pending.charAt(i))) {
            i--;
        }
        if (i < 1 || pending.charAt(i) != '_') {
            return false;
        }
        i--;
        while (i >= 0 && (pending.charAt(i) == '_' || (pending.charAt(i) >= 'A' && pending.charAt(i) <= 'Z'))) {
            i--;
        }
        return i >= 0 && pending.charAt(i) == '[';
    }

    private static boolean covered(List<PiiFinding> found, int at) {
        for (PiiFinding f : found) {
            if (f.start() <= at && at < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sentence ends between {@code from} and the end of what is held. */
    private boolean endsSentence(int from) {
        for (int i = from; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if ((c == '\n' && !numberMayGoOnAfter(i))
                    || ((c == '!' || c == '?')
                            && (i + 1 == pending.length() || Character.isWhitespace(pending.charAt(i + 1))))
                    || (c == '.' && dotEndsSentence(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the line break at {@code i} may sit inside a number: digits (or a separator after
     * them) before it, and after it, within two spaces, a digit or nothing yet.
     */
    private boolean numberMayGoOnAfter(int i) {
        if (!spaceInNumber(i)) {
            return false;
        }
        int j = i + 1;
        while (j < pending.length() && j < i + 3 && FoldedText.foldBmp(pending.charAt(j)) == ' ') {
            j++;
        }
        return j >= pending.length() || Character.isDigit(FoldedText.foldBmp(pending.charAt(j)));
    }

    /**
     * Whether the dot at {@code i} ends a sentence: a space follows, and then (within two spaces)
     * neither a digit nor nothing yet, since the scanner reads {@code 092. 542943} as one number.
     */
    private boolean dotEndsSentence(int i) {
        int length = pending.length();
        if (i + 1 == length) {
            return !(i > 0 && Character.isDigit(FoldedText.foldBmp(pending.charAt(i - 1))));
        }
        if (!Character.isWhitespace(pending.charAt(i + 1)) && FoldedText.foldBmp(pending.charAt(i + 1)) != ' ') {
            return false;
        }
        if (!(i > 0 && Character.isDigit(FoldedText.foldBmp(pending.charAt(i - 1))))) {
            return true;
        }
        int j = i + 1;
        while (j < length && j <= i + 2 && FoldedText.foldBmp(pending.charAt(j)) == ' ') {
            j++;
        }
        return j < length && !Character.isDigit(FoldedText.foldBmp(pending.charAt(j)));
    }

    /** Where the text that could still become part of a finding starts, by its characters alone. */
    private int safeEnd() {
        int length = pending.length();
        int end = Math.min(Math.min(runStart(length), heldWordsStart()), beforeAddressAnchor());
        end = Math.min(end, digitWordsStart());
        end = Math.min(end, nameRunStart());
        // The first block no -----END line has closed yet: a second -----BEGIN inside one does not end
        // it, and an -----END line does only once its closing dashes have come.
        int closed = pending.lastIndexOf(BLOCK_END);
        if (closed >= 0 && pending.indexOf(DASHES, closed + BLOCK_END.length()) < 0) {
            closed = pending.lastIndexOf(BLOCK_END, closed - 1);
        }
        int block = pending.indexOf(BLOCK_START, Math.max(0, closed));
        if (block >= 0) {
            return length - block <= MAX_BLOCK ? Math.min(block, end) : length - KEEP;
        }
        return length - end > MAX_RUN ? length - KEEP : end;
    }

    /**
     * Where the trailing run of words a name or a postal address is made of starts: capitalised
     * words, numbers, and the small words inside names and addresses ({@code bin}, {@code no},
     * {@code rt}, {@code a.n.}), joined by spaces and punctuation. The next piece may continue it
     * ({@code Pasien Dewi|Anggraeni}, {@code Jl. Melati No. 1|2 RT 003}), and the scanner decides a
     * name or an address by its words on both sides, so the run is held, at most
     * {@value #NAME_HOLD} characters of it, until a word that is neither ends it.
     */
    private int nameRunStart() {
        int length = pending.length();
        int start = length;
        int i = length;
        while (i > 0 && length - i < NAME_HOLD) {
            char c = pending.charAt(i - 1);
            if (c == ' '
                    || c == '\t'
                    || c == '.'
                    || c == ','
                    || c == '/'
                    || c == '-'
                    || c == ':'
                    || c == '\''
                    || c == '\u2019') {
                i--;
                continue;
            }
            if (!Character.isLetterOrDigit(c) && FoldedText.foldBmp(c) == c) {
                break;
            }
            int j = i;
            while (j > 0
                    && (Character.isLetterOrDigit(pending.charAt(j - 1))
                            || FoldedText.foldBmp(pending.charAt(j - 1)) != pending.charAt(j - 1))) {
                j--;
            }
            if (j == i || !mayBeInNameOrAddress(j, i)) {
                break;
            }
            start = j;
            i = j;
        }
        return start;
    }

    /** A capitalised word, a word with a digit, a single letter, or a small word of names and addresses. */
    private boolean mayBeInNameOrAddress(int from, int to) {
        char first = pending.charAt(from);
        if (Character.isUpperCase(first) || to - from == 1) {
            return true;
        }
        for (int k = from; k < to; k++) {
            if (Character.isDigit(FoldedText.foldBmp(pending.charAt(k)))) {
                return true;
            }
        }
        char[] word = FoldedText.fold(pending.subSequence(from, to));
        long key = WordKey.of(word, 0, word.length);
        return key != 0 && (NameWords.table().lookup(key) & INSIDE_NAME_OR_ADDRESS) != 0;
    }

    /**
     * Where the digit words at the end of what is held start ({@code NIK tiga dua nol sat}): the
     * scanner reads a run of them as a number, so a run still open is held whole; a word that is
     * none ends it.
     */
    private int digitWordsStart() {
        int length = pending.length();
        int s = length;
        while (s > 0 && Character.isLetter(pending.charAt(s - 1))) {
            s--;
        }
        int start;
        if (s < length) {
            if (!DigitWords.mayBecomeOne(pending.subSequence(s, length))) {
                return length; // the text ends in a word that cannot become a digit word
            }
            start = s;
        } else {
            start = length; // the text ends after a word: the loop reads it whole
        }
        while (start > 0) {
            int e = start;
            while (e > 0 && " ,.-".indexOf(pending.charAt(e - 1)) >= 0 && start - e < 3) {
                e--;
            }
            s = e;
            while (s > 0 && Character.isLetter(pending.charAt(s - 1))) {
                s--;
            }
            if (s == e) {
                break;
            }
            char[] word = FoldedText.fold(pending.subSequence(s, e));
            if (DigitWords.digitOf(word, 0, word.length) == 0) {
                break;
            }
            start = s;
        }
        return start;
    }

    /**
     * The start of the last word, or of the words a spelled-out {@code at} or {@code dot} joins to
     * it: {@code tulis ke budi [at] gmail} holds {@code budi [at] gmail}.
     */
    private int heldWordsStart() {
        int start = wordStart(pending.length());
        while (start > 0) {
            int previous = wordStart(start);
            if (previous == start
                    || !(isAddressWord(previous, wordEnd(previous)) || isAddressWord(start, wordEnd(start)))) {
                break;
            }
            start = previous;
        }
        return start;
    }

    /**
     * Where a local part may start before an address's anchor ({@code @}, or a bracket that may open
     * a spelled-out {@code [at]}) that came within the last {@value #LOOKAHEAD} characters: the
     * scanner reads up to {@value #MAX_LOCAL} characters back from it, and what follows it may still
     * make an address of them.
     */
    private int beforeAddressAnchor() {
        int length = pending.length();
        for (int i = length - 1; i >= 0 && i >= length - LOOKAHEAD; i--) {
            char c = pending.charAt(i);
            if (isAt(c) || ((c == '[' || c == '(' || c == '{' || c == '<') && mayOpenAddressWord(i + 1))) {
                return Math.max(0, wordStart(Math.max(0, i - MAX_LOCAL)));
            }
        }
        return length;
    }

    /**
     * Whether what follows a bracket, spaces and invisible characters aside, is or may still become
     * {@code at} or {@code dot}: a placeholder such as {@code [NIK_1]} is not.
     */
    private boolean mayOpenAddressWord(int from) {
        StringBuilder word = new StringBuilder(3);
        for (int i = from; i < pending.length() && word.length() < 3; i++) {
            char c = pending.charAt(i);
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT) {
                break;
            }
        }
        String w = word.toString();
        return "at".startsWith(w) || "dot".startsWith(w) || w.startsWith("at") || w.startsWith("dot");
    }

    /** The start of the word before {@code end}, spaces after it skipped. */
    private int wordStart(int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(pending.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && !Character.isWhitespace(pending.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private int wordEnd(int start) {
        int i = start;
        while (i < pending.length() && !Character.isWhitespace(pending.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether {@code [from, to)} joins the words around it into an e-mail address: the word
     * {@code at} or {@code dot}, or a word holding an {@code @} or a bracketed one ({@code [at]},
     * {@code gmail[dot]}), invisible characters aside.
     */
    private boolean isAddressWord(int from, int to) {
        StringBuilder word = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = pending.charAt(i);
            if (isAt(c)) {
                return true;
            }
            if (Character.getType(c) != Character.FORMAT) {
                word.append(Character.toLowerCase(c));
            }
        }
        String w = word.toString();
        if (w.equals("at") || w.equals("dot")) {
            return true;
        }
        for (String marker : ADDRESS_MARKERS) {
            if (w.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAt(char c) {
        return c == '@' || c == '\uFF20';
    }

    /** The start of the run of entity characters that {@code end} falls in or closes. */
    private int runStart(int end) {
        int start = end;
        while (start > 0 && partOfEntity(start - 1)) {
            start--;
        }
        return start;
    }

    /** Whether the character at {@code i} may belong to an entity still being written. */
    private boolean partOfEntity(int i) {
        char c = pending.charAt(i);
        char folded = FoldedText.foldBmp(c);
        // Digit look-alikes (circled, superscript) fold to digits; invisible characters and
        // surrogates may sit inside a value.
        if (Character.isLetterOrDigit(folded) || folded == FoldedText.IGNORED || Character.isSurrogate(c)) {
            return true;
        }
        return switch (folded) {
            case '@', '.', '-', '_', '+', '/', ':', '=', '#', '(', ')' -> true;
            // A space between digit groups, or beside a separator after one, may sit inside a
            // number: "0812 3456", "092. 542943", "7 - 0".
            case ' ' -> i > 0 && spaceInNumber(i);
            // So may one line break: "3201 2345\n6789 0123" is read as one number.
            case '\n', '\r' -> i > 0 && spaceInNumber(i);
            default -> false;
        };
    }

    /** Whether the nearest character before the space at {@code i}, up to two spaces back, joins digit groups. */
    private boolean spaceInNumber(int i) {
        int j = i - 1;
        while (j >= 0 && j >= i - 2 && FoldedText.foldBmp(pending.charAt(j)) == ' ') {
            j--;
        }
        if (j >= 0 && pending.charAt(j) == '\n') {
            j--; // "3201 \n 6789": spaces and one line break between digit groups
            if (j >= 0 && pending.charAt(j) == '\r') {
                j--;
            }
            int k = j;
            while (j >= 0 && j >= k - 1 && FoldedText.foldBmp(pending.charAt(j)) == ' ') {
                j--;
            }
        }
        if (j < 0) {
            return false;
        }
        char c = FoldedText.foldBmp(pending.charAt(j));
        return isDigitOrCloser(c) || c == '.' || c == '-' || c == '/';
    }

    private static boolean isDigitOrCloser(char c) {
        return (c >= '0' && c <= '9') || c == ')' || c == '+';
    }
}
